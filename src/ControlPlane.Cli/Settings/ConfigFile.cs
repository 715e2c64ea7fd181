using System.Text.Json;

namespace ControlPlane.Cli.Settings;

/// <summary>The config file, <c>{"server": "...", "apiKey": "..."}</c>; both fields optional.</summary>
public sealed record ConfigFile(string? Server, string? ApiKey)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Where cpctl looks when no <c>--config</c> is given: <c>$XDG_CONFIG_HOME/cpctl/config.json</c>, else <c>~/.config/cpctl/config.json</c>.</summary>
    public static string DefaultPath(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = environment.Variable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(environment.HomeDirectory, ".config");
        return Path.Combine(root, "cpctl", "config.json");
    }

    /// <summary>The file at <paramref name="path"/>; a missing file is empty unless it was asked for by name.</summary>
    public static ConfigFile Read(string path, bool required)
    {
        if (!File.Exists(path))
            return required ? throw new CommandFailedException(ExitCodes.Usage, $"config file '{path}' does not exist.") : new ConfigFile(null, null);
        try
        {
            return JsonSerializer.Deserialize<ConfigFile>(File.ReadAllText(path), Json) ?? new ConfigFile(null, null);
        }
        catch (JsonException e)
        {
            // The message names the path and position in the file, never its values: the file may hold a key.
            throw new CommandFailedException(ExitCodes.Usage, $"config file '{path}' is not valid: {e.Path} (line {e.LineNumber + 1}); expected {{\"server\": \"URL\", \"apiKey\": \"KEY\"}}.");
        }
        catch (IOException e)
        {
            throw new CommandFailedException(ExitCodes.Usage, $"config file '{path}' cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CommandFailedException(ExitCodes.Usage, $"config file '{path}' cannot be read: {e.Message}");
        }
    }
}
