using System.Globalization;
using System.Net;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Hosting;

/// <summary>
/// The README's first start: the built silo started from an empty directory that is not its own, with default settings
/// (only free ports given), run until it is ready and has printed its key, then stopped with SIGTERM.
/// </summary>
public sealed class FirstStartRun : IAsyncLifetime, IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly TempDataDirectory _workingDirectory = new();

    public string WorkingDirectory => _workingDirectory.Path;

    /// <summary>Standard output and error, line by line, from the start until the plane was ready and had said what a user needs.</summary>
    public IReadOnlyList<string> UntilReady { get; private set; } = [];

    public int ExitCode { get; private set; } = -1;

    public async Task InitializeAsync()
    {
        var httpPort = FreePorts.Next();
        var (siloPort, gatewayPort) = FreePorts.Pair();
        using var silo = SiloExecutable.Start(
        [
            $"--urls=http://127.0.0.1:{httpPort}",
            // Free ports rather than the defaults, which another plane on this machine may hold.
            $"--ControlPlane:Silo:SiloPort={siloPort.ToString(CultureInfo.InvariantCulture)}",
            $"--ControlPlane:Silo:GatewayPort={gatewayPort.ToString(CultureInfo.InvariantCulture)}",
        ], WorkingDirectory);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };

        await Eventually.Until(async () =>
        {
            if (silo.HasExited) Assert.Fail($"the silo exited while starting:\n{silo.Output}");
            return Said(silo.Lines) && await http.StatusAsync("/readyz") == HttpStatusCode.OK;
        }, StartTimeout, "the first start saying where it listens, where the repository is, and the admin key");
        UntilReady = silo.Lines;
        ExitCode = await silo.TerminateAsync(TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workingDirectory.Dispose();

    public static bool Said(IReadOnlyList<string> lines) =>
        lines.Any(l => l.Contains("ControlPlane gateway listening on http://127.0.0.1:", StringComparison.Ordinal))
        && lines.Any(l => l.Contains("GitOps repository ", StringComparison.Ordinal))
        && lines.Any(l => l.Contains("export CONTROLPLANE_API_KEY=cpk_", StringComparison.Ordinal));
}
