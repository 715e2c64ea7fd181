using ControlPlane.Core.GitOps;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ControlPlane.Silo.Hosting;

/// <summary>
/// After the silo has started: opens (or creates) the Git repository through its writer grain; once the gateway
/// listens, says where it listens and where the repository is, then marks the plane ready.
/// </summary>
public sealed partial class StartupReport(
    IGrainFactory grains,
    IOptions<GitOpsOptions> git,
    IServer server,
    IHostApplicationLifetime lifetime,
    Readiness readiness,
    ILogger<StartupReport> logger) : IHostedLifecycleService
{
    private GitOpsStatus? _repository;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _repository = await grains.GetGrain<IGitOpsWriterGrain>(git.Value.WriterKey).Status();

    // Started runs after the gateway binds, so these are the last lines of a start (before a first-start key).
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        LogListening(addresses);
        if (_repository is { } status) LogRepository(status.Repository, status.Branch, status.HeadSha ?? "(none)");
        lifetime.ApplicationStarted.Register(readiness.MarkReady);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "GitOps repository {Repository} on branch {Branch}, head {Head}")]
    private partial void LogRepository(string repository, string branch, string head);

    [LoggerMessage(Level = LogLevel.Information, Message = "ControlPlane gateway listening on {Addresses}")]
    private partial void LogListening(string addresses);
}
