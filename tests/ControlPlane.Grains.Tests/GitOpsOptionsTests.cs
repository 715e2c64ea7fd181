using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Grains.Tests;

/// <summary>The commit author from settings is checked at start-up: it goes into every commit's header.</summary>
public class GitOpsOptionsTests
{
    private static List<ValidationResult> Problems(GitOpsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_Defaults_HaveNoProblem() => Assert.Empty(Problems(new GitOpsOptions()));

    [Theory]
    [InlineData("Control\nPlane", "controlplane@localhost", "ControlPlane:Git:AuthorName 'Control?Plane'")]
    [InlineData("Control <x@y>", "controlplane@localhost", "without '<' or '>'")]
    [InlineData("ControlPlane", "bot @example.com", "ControlPlane:Git:AuthorEmail 'bot @example.com'")]
    [InlineData("ControlPlane", "bot>@example.com", "an e-mail address")]
    public void Validate_AuthorThatWouldBreakACommitHeader_IsAProblemStatingTheRule(string name, string email, string expected)
    {
        var problem = Assert.Single(Problems(new GitOpsOptions { AuthorName = name, AuthorEmail = email }));

        Assert.Contains(expected, problem.ErrorMessage, StringComparison.Ordinal);
    }
}
