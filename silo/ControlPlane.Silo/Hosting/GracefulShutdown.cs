namespace ControlPlane.Silo.Hosting;

/// <summary>
/// On stop (SIGTERM), before any service stops: /readyz turns 503, then an optional pause lets load balancers
/// notice. The gateway then stops first (in-flight requests finish), and the silo leaves the cluster last.
/// </summary>
public sealed partial class GracefulShutdown(
    Readiness readiness, IHostApplicationLifetime lifetime, IOptions<ControlPlaneOptions> options, TimeProvider time, ILogger<GracefulShutdown> logger)
    : IHostedService
{
    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // ApplicationStopping runs before the host stops any service, so the gateway still serves during the pause.
        _stopping = lifetime.ApplicationStopping.Register(Stopping);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopping.DisposeAsync().AsTask();

    private void Stopping()
    {
        readiness.MarkNotReady();
        var delay = options.Value.ShutdownDelay;
        LogStopping(delay);
        // The host waits for this callback before it stops the gateway: blocking here is what holds the gateway open.
        if (delay > TimeSpan.Zero) Task.Delay(delay, time).GetAwaiter().GetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: not ready any more; the gateway closes in {Delay}, then the silo leaves the cluster")]
    private partial void LogStopping(TimeSpan delay);
}
