using ControlPlane.Cli.Tests.Fixtures;

namespace ControlPlane.Cli.Tests.Commands;

/// <summary><c>cpctl gitops status</c> and <c>cpctl recommendations</c>.</summary>
[Collection(SharedPlane.Name)]
public sealed class GitOpsAndRecommendationsCommandTests(CliPlane plane)
{
    private readonly Cpctl _cpctl = Cpctl.Against(plane);

    [Fact]
    public async Task GitOpsStatus_Table_ShowsBranchAndHead()
    {
        var run = await _cpctl.RunAsync("gitops", "status");

        run.AssertOk();
        Assert.Matches(@"Branch:\s+main", run.Output);
        Assert.Matches(@"Head:\s+[0-9a-f]{7,}", run.Output);
    }

    [Fact]
    public async Task GitOpsStatus_Yaml_Parses()
    {
        var run = await _cpctl.RunAsync("gitops", "status", "-o", "yaml");

        run.AssertOk();
        Assert.Equal("main", Assert.IsType<Dictionary<object, object>>(run.Yaml())["branch"]);
    }

    /// <summary>Recommendation endpoints are being added beside this CLI: against a plane without them, one line and exit 3; with them, their list.</summary>
    [Theory]
    [InlineData("api/v1/recommendations")]
    [InlineData("api/v1/models/risk/fraud-mm/recommendations")]
    public async Task Recommendations_EndpointMissing_Exits3WithOneLine_ElseListsThem(string path)
    {
        using var probe = await plane.Admin.GetAsync(path);
        var args = path.Contains("models", StringComparison.Ordinal) ? new[] { "recommendations", CliPlane.Model, "-o", "json" } : ["recommendations", "-o", "json"];

        var run = await _cpctl.RunAsync(args);

        if (probe.StatusCode == System.Net.HttpStatusCode.NotFound)
            run.AssertFailed(ExitCodes.NotFound, "does not serve recommendations");
        else
        {
            run.AssertOk();
            Assert.NotNull(run.Json());
        }
    }
}
