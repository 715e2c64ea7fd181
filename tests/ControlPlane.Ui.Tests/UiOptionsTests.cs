using System.ComponentModel.DataAnnotations;
using ControlPlane.Silo.Ui;

namespace ControlPlane.Ui.Tests;

/// <summary>The commit link template is checked at start-up, because the page puts it in an href.</summary>
public sealed class UiOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("https://git.example/org/repo/commit/{sha}")]
    [InlineData("http://git.example/c/{sha}?view=1")]
    public void Validate_EmptyOrHttpTemplateWithSha_IsAccepted(string template) =>
        Assert.Empty(Problems(template));

    [Theory]
    [InlineData("https://git.example/org/repo/commit/")]
    [InlineData("javascript:alert('{sha}')")]
    [InlineData("/commit/{sha}")]
    public void Validate_TemplateWithoutShaOrNotHttp_IsRefused(string template) =>
        Assert.Contains("CommitUrlTemplate", Assert.Single(Problems(template)).ErrorMessage, StringComparison.Ordinal);

    private static List<ValidationResult> Problems(string template)
    {
        var options = new UiOptions { CommitUrlTemplate = template };
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
