using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ControlPlane.Silo.Hosting;

/// <summary>
/// After the silo has started: opens (or creates) the Git repository through its writer grain,
/// says where the gateway listens and where the repository is, then marks the plane ready.
/// </summary>
public sealed partial class StartupReport(
    IGrainFactory grains,
    IOptions<GitOpsOptions> git,
    IServer server,
    IHostApplicationLifetime lifetime,
    Readiness readiness,
    ILogger<StartupReport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var status = await grains.GetGrain<IGitOpsWriterGrain>(git.Value.WriterKey).Status();
        LogRepository(status.Repository, status.Branch, status.HeadSha ?? "(none)");
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            LogListening(addresses);
            readiness.MarkReady();
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "GitOps repository {Repository} on branch {Branch}, head {Head}")]
    private partial void LogRepository(string repository, string branch, string head);

    [LoggerMessage(Level = LogLevel.Information, Message = "ControlPlane gateway listening on {Addresses}")]
    private partial void LogListening(string addresses);
}
