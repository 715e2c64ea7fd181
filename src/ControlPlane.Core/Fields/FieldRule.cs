using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Fields;

/// <summary>What one text field may hold: the rule as a phrase, and the check that enforces exactly that phrase.</summary>
public sealed class FieldRule
{
    private readonly Regex? _pattern;
    private readonly SearchValues<char>? _alphabet;

    private FieldRule(string statement, TextLayout layout, int minLength, int maxLength, string? purpose, Regex? pattern, SearchValues<char>? alphabet)
    {
        Statement = statement;
        Layout = layout;
        MinLength = minLength;
        MaxLength = maxLength;
        Purpose = purpose;
        _pattern = pattern;
        _alphabet = alphabet;
    }

    /// <summary>What the field must be, phrased to follow both "must be" and "is not".</summary>
    public string Statement { get; }

    public TextLayout Layout { get; }

    public int MinLength { get; }

    public int MaxLength { get; }

    /// <summary>Why the field is required; a rule with a purpose says so when the value is missing or blank.</summary>
    public string? Purpose { get; }

    /// <summary>A token that <paramref name="pattern"/> matches in full; a character outside <paramref name="alphabet"/>, if given, is named in the refusal.</summary>
    public static FieldRule Token(string statement, Regex pattern, string? alphabet, int maxLength, string? purpose = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new(statement, TextLayout.Token, 1, maxLength, purpose, pattern, alphabet is null ? null : SearchValues.Create(alphabet));
    }

    /// <summary>
    /// Printable text laid out as <paramref name="layout"/>, which <paramref name="pattern"/>, if given, also matches. Token and
    /// one-line text may not start or end with whitespace: git trims it from a trailer, so it would not land as sent.
    /// </summary>
    public static FieldRule Text(string statement, TextLayout layout, int minLength, int maxLength, string? purpose = null, Regex? pattern = null) =>
        new(statement, layout, minLength, maxLength, purpose, pattern, alphabet: null);

    public bool Accepts(string? value) => Problem(value ?? "") is null;

    /// <summary>Null when <paramref name="value"/> is allowed; else one sentence naming <paramref name="field"/>, what is wrong and the rule.</summary>
    public string? Check(string field, string? value)
    {
        if (Purpose is not null && MinLength > 0 && string.IsNullOrWhiteSpace(value))
            return $"{field} is required: {Purpose}; it must be {Statement}.";
        return Problem(value ?? "") is { } problem
            ? $"{field} '{Dns1123.Printable(value)}' is not {Statement}{(problem.Length > 0 ? $" ({problem})" : "")}."
            : null;
    }

    /// <summary>Null when allowed; else what is wrong in a few words, or empty when only the pattern says no.</summary>
    private string? Problem(string value)
    {
        if (value.Length == 0 && MinLength > 0) return "it is empty";
        if (value.Length < MinLength || value.Length > MaxLength) return string.Create(CultureInfo.InvariantCulture, $"it is {value.Length} characters long");
        if (PrintableText.FirstFault(value, Layout) is { } fault) return $"it has {fault}";
        if (_alphabet is not null && value.AsSpan().IndexOfAnyExcept(_alphabet) is var at and >= 0 && Rune.TryGetRuneAt(value, at, out var rune))
            return string.Create(CultureInfo.InvariantCulture, $"it has '{rune}' (U+{rune.Value:X4}) at index {at}");
        if (Layout != TextLayout.Lines && value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            return "it starts or ends with whitespace";
        if (_pattern is not null && !_pattern.IsMatch(value)) return "";
        return null;
    }
}
