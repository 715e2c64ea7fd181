using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

[Collection(SharedGateway.Name)]
public sealed class GitOpsApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task GetGitOps_RunningPlane_ReportsHeadShaOnBranchMain()
    {
        var status = await _client.GetJsonAsync("/api/v1/gitops");

        Assert.Equal("main", (string?)status["branch"]);
        Assert.Matches("^[0-9a-f]{40}$", (string?)status["headSha"]);
        Assert.EndsWith("gitops.git", (string?)status["repository"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGitOps_AfterRegistration_HeadIsTheDecisionsCommit()
    {
        var model = await _client.RegisterModelAsync();
        var decision = await _client.CommittedDecisionAsync(model, "register");

        var status = await _client.GetJsonAsync("/api/v1/gitops");

        Assert.Equal((string?)decision["commitSha"], (string?)status["headSha"]);
        Assert.Contains(model.Id, (string?)status["headSubject"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGitOps_AfterRegistration_CountsOneMoreCommit()
    {
        var before = (long?)(await _client.GetJsonAsync("/api/v1/gitops"))["commitsWritten"];

        await _client.RegisterModelAsync();

        Assert.Equal(before + 1, (long?)(await _client.GetJsonAsync("/api/v1/gitops"))["commitsWritten"]);
    }

    [Fact]
    public async Task GetGitOps_AfterRegistration_BareRepositoryHeadMatches()
    {
        await _client.RegisterModelAsync();
        var status = await _client.GetJsonAsync("/api/v1/gitops");

        var head = (await GitCli.OutputAsync(host.Factory.RepositoryPath, "rev-parse", "refs/heads/main")).Trim();

        Assert.Equal((string?)status["headSha"], head);
    }
}
