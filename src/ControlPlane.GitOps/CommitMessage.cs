using System.Globalization;
using System.Text;
using ControlPlane.Core.Decisions;
using ControlPlane.Core.GitOps;

namespace ControlPlane.GitOps;

/// <summary>The commit message of one decision: subject, reason, and audit trailers that git parses back exactly.</summary>
public static class CommitMessage
{
    /// <summary>Room for an operator's reason (at most 1,000 characters) after its "operator: " prefix, so an accepted reason lands whole.</summary>
    public const int MaxValueLength = 1024;
    public const string DecisionIdTrailer = "Decision-Id";
    public const string DecisionKindTrailer = "Decision-Kind";
    public const string ModelTrailer = "Model";
    public const string ReasonTrailer = "Reason";
    public const string RequestedByTrailer = "Requested-By";

    public static string For(DesiredStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var model = change.Desired.Model.ToString();
        var kind = OneLine(change.Kind);
        var reason = OneLine(change.Reason);
        var subject = OneLine(change.Summary);
        var message = new StringBuilder(subject.Length > 0 ? subject : $"{kind} {model}".Trim()).Append("\n\n");
        if (reason.Length > 0) message.Append(reason).Append("\n\n");
        return message
            .Append(DecisionIdTrailer).Append(": ").Append(OneLine(change.DecisionId)).Append('\n')
            .Append(DecisionKindTrailer).Append(": ").Append(kind).Append('\n')
            .Append(ModelTrailer).Append(": ").Append(OneLine(model)).Append('\n')
            .Append(ReasonTrailer).Append(": ").Append(reason).Append('\n')
            .Append(RequestedByTrailer).Append(": ").Append(OneLine(Requester.Normalize(change.RequestedBy))).Append('\n')
            .ToString();
    }

    /// <summary>The value on one line: line breaks and other control characters become spaces, trimmed and clipped.</summary>
    public static string OneLine(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var line = new StringBuilder(value.Length);
        foreach (var c in value)
            line.Append(char.IsControl(c) || IsLineSeparator(c) ? ' ' : c);
        var text = line.ToString().Trim();
        if (text.Length <= MaxValueLength) return text;
        // Clip on a text-element boundary so no surrogate pair or combining sequence is cut in half.
        var cut = StringInfo.ParseCombiningCharacters(text).LastOrDefault(i => i <= MaxValueLength - 1);
        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>The message with one more paragraph just before its trailer block, which stays last so git still parses it.</summary>
    public static string WithNote(string message, string note)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var split = body.LastIndexOf("\n\n", StringComparison.Ordinal);
        var line = OneLine(note);
        return split < 0 ? $"{body}\n\n{line}\n" : $"{body[..split]}\n\n{line}{body[split..]}\n";
    }

    /// <summary>The <c>Decision-Id</c> trailer of a message, or null when its trailer block has none.</summary>
    public static string? DecisionId(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var split = body.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) return null; // a subject is never a trailer block
        var lastParagraph = body[(split + 2)..];
        const string prefix = DecisionIdTrailer + ":";
        return lastParagraph.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(line => line[prefix.Length..].Trim())
            .LastOrDefault();
    }

    private static bool IsLineSeparator(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
