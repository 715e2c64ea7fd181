using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>
/// A real Prometheus on a free loopback port with its own config and data directory, scraping
/// <c>targets</c> every second; killed and its directory deleted on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDataDirectory _directory;

    private PrometheusServer(Process process, string url, TempDataDirectory directory) => (_process, Url, _directory) = (process, url, directory);

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    public static async Task<PrometheusServer> StartAsync(params string[] targets)
    {
        var binary = PrometheusTools.Prometheus;
        var directory = new TempDataDirectory();
        var port = FreePorts.Next();
        var config = directory.Combine("prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: dcgm
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t}'"))}]
            """);
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--storage.tsdb.path={directory.Combine("data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--log.level=warn",
        }) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start prometheus");
        // Drain its output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrometheusServer(process, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", directory);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.Until(async () =>
        {
            Assert.False(process.HasExited, $"prometheus exited with {(process.HasExited ? process.ExitCode : 0)}: {string.Join('\n', errors)}");
            try { return (await http.GetAsync(new Uri("/-/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(60), "prometheus answering /-/ready");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _directory.Dispose();
    }
}
