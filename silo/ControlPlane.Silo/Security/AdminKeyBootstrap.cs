namespace ControlPlane.Silo.Security;

/// <summary>
/// The embedded default's first start: with no key in settings and no OIDC issuer, makes an admin key, stores
/// only its hash (in grain storage under the data directory) and prints the key once, to standard output, not the log.
/// It does so once the gateway listens: a start that fails (a port in use) has made no key it could not show.
/// </summary>
public sealed partial class AdminKeyBootstrap(
    IOptions<AuthOptions> options,
    ApiKeyDirectory keys,
    IGrainFactory grains,
    AdminKeyConsole console,
    TimeProvider time,
    ILogger<AdminKeyBootstrap> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (!auth.GenerateAdminKey || auth.Jwt.Enabled || keys.ConfiguredKeys.Count > 0) return;
        var key = ApiKeyHash.Generate();
        var record = new ApiKeyRecord("admin", Roles.Admin, ApiKeyHash.Sha256Hex(key), time.GetUtcNow(), Core.Decisions.Requester.ControlPlane);
        if (!await grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key).AddFirst(record)) return;
        keys.Invalidate();
        LogGenerated(record.Name);
        await console.Writer.WriteLineAsync(
            $"ControlPlane made an admin API key on this first start. It is shown only now; only its SHA-256 is stored.{Environment.NewLine}" +
            $"  {ApiKeyAuthenticationHandler.Header}: {key}{Environment.NewLine}" +
            $"  export CONTROLPLANE_API_KEY={key}");
        await console.Writer.FlushAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made the first-start API key '{Name}' (role admin); the key is printed once to standard output")]
    private partial void LogGenerated(string name);
}

/// <summary>Where the first-start key is printed: standard output, or a test's writer.</summary>
public sealed record AdminKeyConsole(TextWriter Writer);
