using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ControlPlane.Cli.Commands;

/// <summary>Durations as people type them: <c>500ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c>.</summary>
public static partial class Durations
{
    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<unit>ms|s|m|h)$")]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        duration = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            _ => TimeSpan.FromHours(n),
        };
        return duration > TimeSpan.Zero;
    }

    /// <summary>A System.CommandLine parser for an option that takes a duration.</summary>
    public static TimeSpan Parse(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TryParse(text, out var duration)) return duration;
        result.AddError($"'{text}' is not a duration: write e.g. 500ms, 2s, 5m or 1h.");
        return default;
    }
}
