using System.Text;

namespace ControlPlane.Cli.Gateway;

/// <summary>Turns any failure text into the one line cpctl prints on standard error: no line breaks, no control characters, never the key.</summary>
public static class FailureLine
{
    private const int MaxLength = 600;

    /// <summary>The line for <paramref name="message"/>, with every one of <paramref name="secrets"/> masked.</summary>
    public static string Format(string message, params IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
            message = message.Replace(secret!, "***", StringComparison.Ordinal);
        var line = new StringBuilder(message.Length);
        foreach (var c in message)
            line.Append(char.IsControl(c) ? ' ' : c);
        var text = string.Join(' ', line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return "cpctl: " + (text.Length > MaxLength ? text[..MaxLength] + "…" : text);
    }
}
