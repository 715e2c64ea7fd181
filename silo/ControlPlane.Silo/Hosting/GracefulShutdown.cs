namespace ControlPlane.Silo.Hosting;

/// <summary>
/// On stop (SIGTERM), before any service stops: /readyz turns 503, then an optional pause lets load balancers
/// notice. The gateway then stops first (in-flight requests finish), and the silo leaves the cluster last.
/// </summary>
public sealed partial class GracefulShutdown(Readiness readiness, IOptions<ControlPlaneOptions> options, TimeProvider time, ILogger<GracefulShutdown> logger)
    : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.MarkNotReady();
        var delay = options.Value.ShutdownDelay;
        LogStopping(delay);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, time, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: not ready any more; the gateway closes in {Delay}, then the silo leaves the cluster")]
    private partial void LogStopping(TimeSpan delay);
}
