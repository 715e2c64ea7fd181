namespace ControlPlane.Core.Fields;

/// <summary>
/// The characters a value may carry into a manifest or a commit: what YAML 1.2 and kubectl kustomize read back as
/// written (no C0 control, no DEL, no C1 control, no U+FFFE or U+FFFF, no lone surrogate), and per
/// <see cref="TextLayout"/> which whitespace besides the space.
/// </summary>
public static class PrintableText
{
    /// <summary>The first character <paramref name="layout"/> refuses, or null when every character is allowed.</summary>
    public static TextFault? FirstFault(string value, TextLayout layout) => Faults(value, layout, stopAtFirst: true).FirstOrDefault();

    /// <summary>Every character <paramref name="layout"/> refuses; a surrogate pair is one allowed character.</summary>
    public static IReadOnlyList<TextFault> Faults(string value, TextLayout layout) => Faults(value, layout, stopAtFirst: false);

    private static List<TextFault> Faults(string value, TextLayout layout, bool stopAtFirst)
    {
        ArgumentNullException.ThrowIfNull(value);
        var faults = new List<TextFault>();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (Refused(c, layout) is not { } what) continue;
            faults.Add(new TextFault(i, c, what));
            if (stopAtFirst) break;
        }
        return faults;
    }

    private static string? Refused(char c, TextLayout layout) => c switch
    {
        '\t' or '\n' when layout == TextLayout.Lines => null,
        '\t' => "a tab",
        '\n' => "a line feed",
        '\r' => "a carriage return",
        '\u0085' => "a next-line character (NEL)",
        '\u2028' => "a line separator",
        '\u2029' => "a paragraph separator",
        < ' ' => "a control character",
        '\u007F' => "a delete character (DEL)",
        >= '\u0080' and <= '\u009F' => "a C1 control character",
        '\uFFFE' or '\uFFFF' => "a noncharacter",
        _ when char.IsSurrogate(c) => "a lone surrogate",
        _ when layout == TextLayout.Token && char.IsWhiteSpace(c) => "whitespace",
        _ => null,
    };
}
