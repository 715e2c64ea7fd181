using System.CommandLine;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary>The options every command takes: where the gateway is, the key, the config file and the output format.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Server { get; } = new("--server", "-s")
    {
        Description = "Gateway URL (else CONTROLPLANE_URL, the config file, http://127.0.0.1:8080).",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "API key sent as X-Api-Key (else CONTROLPLANE_API_KEY, the config file).",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Config file (default ~/.config/cpctl/config.json): {\"server\": \"URL\", \"apiKey\": \"KEY\"}.",
        Recursive = true,
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "table (default), json or yaml.",
        HelpName = "table|json|yaml",
        Recursive = true,
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !char.IsDigit(text[0])) return format;
            result.AddError($"--output must be table, json or yaml, not '{text}'.");
            return OutputFormat.Table;
        },
    };

    public IEnumerable<Option> All => [Server, ApiKey, Config, Output];
}
