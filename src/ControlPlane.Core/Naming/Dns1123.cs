using System.Text.RegularExpressions;
using ControlPlane.Core.Fields;

namespace ControlPlane.Core.Naming;

/// <summary>Kubernetes DNS-1123 label rules: the only names that may become paths or object names.</summary>
public static partial class Dns1123
{
    public const int MaxLabelLength = 63;

    // \z, not $: in .NET $ also matches before a final line feed, which would let "name\n" into a path.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    public static bool IsLabel(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLabelLength && LabelPattern().IsMatch(value);

    /// <summary>Null when valid, otherwise a sentence naming what is wrong.</summary>
    public static string? CheckLabel(string what, string? value) => IsLabel(value)
        ? null
        : $"{what} '{Printable(value)}' is not a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most {MaxLabelLength} characters).";

    /// <summary>Keeps error messages one line and short whatever the caller sent: what a line may not hold becomes '?'.</summary>
    public static string Printable(string? value)
    {
        if (value is null) return "";
        var length = Math.Min(value.Length, 80);
        if (length < value.Length && char.IsHighSurrogate(value[length - 1])) length--; // never half a surrogate pair
        var shown = value.ToCharArray(0, length);
        foreach (var fault in PrintableText.Faults(new string(shown), TextLayout.Line)) shown[fault.Index] = '?';
        return new string(shown) + (length < value.Length ? "…" : "");
    }
}
