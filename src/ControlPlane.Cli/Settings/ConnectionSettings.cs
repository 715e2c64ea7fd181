namespace ControlPlane.Cli.Settings;

/// <summary>Where the gateway is and which key to present: flag, then environment, then config file, then the default.</summary>
public sealed record ConnectionSettings(Uri Server, string? ApiKey)
{
    public const string DefaultServer = "http://127.0.0.1:8080";
    public const string ServerVariable = "CONTROLPLANE_URL";
    public const string ApiKeyVariable = "CONTROLPLANE_API_KEY";

    public static ConnectionSettings Resolve(string? serverFlag, string? apiKeyFlag, string? configFlag, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var file = ConfigFile.Read(configFlag ?? ConfigFile.DefaultPath(environment), required: configFlag is not null);
        var (server, source) = First(
            (serverFlag, "--server"),
            (environment.Variable(ServerVariable), ServerVariable),
            (file.Server, "the config file"),
            (DefaultServer, "the default"));
        var apiKey = First(
            (apiKeyFlag, "--api-key"),
            (environment.Variable(ApiKeyVariable), ApiKeyVariable),
            (file.ApiKey, "the config file")).Value;
        return new ConnectionSettings(ParseServer(server!, source), apiKey);
    }

    private static (string? Value, string Source) First(params (string? Value, string Source)[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Value));

    private static Uri ParseServer(string server, string source)
    {
        if (!Uri.TryCreate(server.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new CommandFailedException(ExitCodes.Usage, $"server {Shown(server)} (from {source}) is not an http:// or https:// URL.");
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw new CommandFailedException(ExitCodes.Usage, $"server URL (from {source}) must not carry credentials; pass the key with --api-key or {ApiKeyVariable}.");
        // A base address without a trailing slash would drop its last path segment when paths are resolved against it.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    // Text with '@' may hold a password: say what is wrong without repeating it.
    private static string Shown(string server) => server.Contains('@', StringComparison.Ordinal) ? "(not repeated: it holds '@')" : $"'{server}'";
}
