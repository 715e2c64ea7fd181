using System.Globalization;
using System.Text;

namespace ControlPlane.Core.Decisions;

/// <summary>Caller-supplied text on its way into a log line: control characters escaped so one entry cannot forge another, length bounded.</summary>
public static class LogText
{
    public const int MaxLength = 1000;

    public static string Line(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var line = new StringBuilder(Math.Min(value.Length, MaxLength) + 16);
        foreach (var c in value)
        {
            if (line.Length >= MaxLength) return line.Append('…').ToString();
            if (c == '\n') line.Append("\\n");
            else if (c == '\r') line.Append("\\r");
            else if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else line.Append(c);
        }
        return line.ToString();
    }
}

/// <summary>Caller-supplied text for a structured log argument, escaped only when the entry is written.</summary>
public readonly record struct LogLine(string? Value)
{
    public override string ToString() => LogText.Line(Value);
}
