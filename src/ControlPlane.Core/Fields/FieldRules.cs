using System.Text.RegularExpressions;

namespace ControlPlane.Core.Fields;

/// <summary>
/// Every caller-supplied text field that reaches a manifest, a commit message or a trailer, and what it may hold.
/// A value that breaks its rule is refused with the rule, never rewritten.
/// </summary>
public static partial class FieldRules
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AlignmentReportPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValuePattern();

    // Registry host[:port]/path[:tag][@digest], lower-case path components as the OCI distribution spec allows; ASCII only.
    [GeneratedRegex(@"^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ImageReferencePattern();

    /// <summary>An alignment report id (<c>alignmentReportId</c>, the <c>ai-alignment-report-id</c> annotation): an identifier of a compliance artefact.</summary>
    public static FieldRule AlignmentReportId { get; } = FieldRule.Token(
        "an identifier: 1-128 letters, digits, '.', '_', ':', '/' or '-', starting with a letter or digit",
        AlignmentReportPattern(), Alphanumerics + "._:/-", 128,
        purpose: "every deployment names the alignment report it was approved under");

    /// <summary>A model version (<c>version</c>, <c>toVersion</c>): it becomes the <c>app.kubernetes.io/version</c> label.</summary>
    public static FieldRule Version { get; } = FieldRule.Token(
        "a Kubernetes label value: 1-63 letters, digits, '.', '-' or '_', starting and ending with a letter or digit",
        LabelValuePattern(), Alphanumerics + "-_.", 63);

    /// <summary>A container image reference (<c>image</c>).</summary>
    public static FieldRule Image { get; } = FieldRule.Token(
        "a valid image reference (registry/path:tag or @sha256:digest; lower-case path, ASCII, at most 512 characters)",
        ImageReferencePattern(), Alphanumerics + "._-/:@", 512);

    /// <summary>An operator's reason (<c>reason</c> of a rollback): the commit's body and its <c>Reason</c> trailer.</summary>
    public static FieldRule Reason { get; } = FieldRule.Text(
        "one line of printable text of 1-1000 characters (no tab or other control character, no line break), not starting or ending with whitespace",
        TextLayout.Line, 1, 1000,
        purpose: "every rollback says why");

    /// <summary>
    /// An annotation value other than the alignment report: text Kubernetes keeps as given, so line feeds and tabs are
    /// allowed (the writer quotes and escapes them); Kubernetes' limit on all annotations together still applies.
    /// </summary>
    public static FieldRule AnnotationValue { get; } = FieldRule.Text(
        "printable text: line feeds and tabs allowed, but no carriage return, NEL, U+2028, U+2029, other control character, DEL, U+FFFE or U+FFFF",
        TextLayout.Lines, 0, int.MaxValue);

    /// <summary>The caller's name (<c>key/NAME</c>, <c>oidc/SUBJECT</c>): the decision's <c>requestedBy</c> and the <c>Requested-By</c> trailer.</summary>
    public static FieldRule Requester { get; } = FieldRule.Text(
        $"a name of 1-{Decisions.Requester.MaxLength} printable characters without whitespace",
        TextLayout.Token, 1, Decisions.Requester.MaxLength);

    /// <summary>The commit author's name (<c>ControlPlane:Git:AuthorName</c>): part of every commit's header, which git ends at '&lt;'.</summary>
    public static FieldRule GitAuthorName { get; } = FieldRule.Text(
        "one line of printable text of 1-128 characters without '<' or '>', not starting or ending with whitespace",
        TextLayout.Line, 1, 128, pattern: NoAngleBrackets());

    /// <summary>The commit author's e-mail address (<c>ControlPlane:Git:AuthorEmail</c>), written between '&lt;' and '&gt;' in every commit's header.</summary>
    public static FieldRule GitAuthorEmail { get; } = FieldRule.Token(
        "an e-mail address of at most 254 printable characters without whitespace, '<' or '>'",
        EmailPattern(), alphabet: null, 254);

    [GeneratedRegex(@"^[^<>]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NoAngleBrackets();

    [GeneratedRegex(@"^[^<>@]+@[^<>@]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>Each field by the name a caller (in the API) or an operator (in settings) gives it, with its rule.</summary>
    public static IReadOnlyDictionary<string, FieldRule> All { get; } = new Dictionary<string, FieldRule>(StringComparer.Ordinal)
    {
        ["alignmentReportId"] = AlignmentReportId,
        ["version"] = Version,
        ["image"] = Image,
        ["reason"] = Reason,
        ["annotations"] = AnnotationValue,
        ["requestedBy"] = Requester,
        ["ControlPlane:Git:AuthorName"] = GitAuthorName,
        ["ControlPlane:Git:AuthorEmail"] = GitAuthorEmail,
    };
}
