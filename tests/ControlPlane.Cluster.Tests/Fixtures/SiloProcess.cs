using System.Globalization;
using System.Net;
using ControlPlane.Silo.Security;

namespace ControlPlane.Cluster.Tests.Fixtures;

/// <summary>One silo as its own process (<c>dotnet ControlPlane.Silo.dll</c>), with its own ports and data directory.</summary>
public sealed class SiloProcess : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ChildProcess _process;

    private SiloProcess(ChildProcess process, int httpPort, int siloPort)
    {
        (_process, HttpPort, SiloPort) = (process, httpPort, siloPort);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(20) };
        Client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, TestKeys.Admin);
    }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public ChildProcess Process => _process;

    /// <summary>An admin's client for this silo's gateway.</summary>
    public HttpClient Client { get; }

    /// <summary>The silo's own build output, next to the test's: the test project references the silo project so it is built.</summary>
    public static string SiloAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var assembly = Path.Combine(repository, "silo", "ControlPlane.Silo", "bin", configuration, framework, "ControlPlane.Silo.dll");
        Assert.True(File.Exists(assembly), $"the silo is not built at {assembly}");
        return assembly;
    }

    /// <summary>Starts the silo with <paramref name="settings"/> as command-line configuration.</summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var (siloPort, gatewayPort) = FreePorts.Pair();
        var httpPort = FreePorts.Next();
        var all = new Dictionary<string, string>(settings)
        {
            ["urls"] = $"http://127.0.0.1:{httpPort}",
            ["ControlPlane:Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["ControlPlane:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        var assembly = SiloAssembly();
        var process = ChildProcess.Start("dotnet", [assembly, .. all.Select(s => $"--{s.Key}={s.Value}")], Path.GetDirectoryName(assembly));
        return new SiloProcess(process, httpPort, siloPort);
    }

    /// <summary>Runs the silo with <paramref name="settings"/> until it exits by itself (a configuration error): its exit code and output.</summary>
    public static async Task<ProcessResult> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var assembly = SiloAssembly();
        return await ProcessRunner.RunAsync("dotnet", [assembly, .. settings.Select(s => $"--{s.Key}={s.Value}")], Path.GetDirectoryName(assembly));
    }

    public async Task WaitUntilReadyAsync() =>
        await Eventually.Until(async () => _process.HasExited ? throw new InvalidOperationException($"the silo exited:\n{_process.Output}") : await StatusAsync("/readyz") == HttpStatusCode.OK,
            StartTimeout, $"silo on port {HttpPort} becoming ready");

    /// <summary>The status code of a GET, or null when the gateway does not answer.</summary>
    public async Task<HttpStatusCode?> StatusAsync(string path)
    {
        try
        {
            using var response = await Client.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
    }
}
