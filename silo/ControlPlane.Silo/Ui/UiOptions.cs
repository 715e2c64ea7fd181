using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Silo.Ui;

/// <summary>Settings of the web dashboard at <c>/ui</c> (section <c>ControlPlane:Ui</c>).</summary>
public sealed class UiOptions : IValidatableObject
{
    public const string Section = "ControlPlane:Ui";

    public const string ShaPlaceholder = "{sha}";

    /// <summary>Where a commit can be seen, with <c>{sha}</c> for its id; empty shows the short SHA as text.</summary>
    public string CommitUrlTemplate { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CommitUrlTemplate.Length == 0) yield break;
        // Only http(s): the page puts this in an href, and a javascript: URL there would run in the dashboard.
        var sample = CommitUrlTemplate.Replace(ShaPlaceholder, "0", StringComparison.Ordinal);
        if (!CommitUrlTemplate.Contains(ShaPlaceholder, StringComparison.Ordinal)
            || !Uri.TryCreate(sample, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"{Section}:CommitUrlTemplate must be an http(s) URL containing {ShaPlaceholder}, e.g. https://git.example/org/repo/commit/{ShaPlaceholder}.");
    }
}
