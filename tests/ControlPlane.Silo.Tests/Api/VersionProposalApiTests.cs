using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;
using ControlPlane.Silo.Tests.Rollouts;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>POST /api/v1/models/{ns}/{name}/versions: a valid proposal starts a rollout; one that contradicts the model's state is refused.</summary>
[Collection(SharedGateway.Name)]
public sealed class VersionProposalApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task ProposeVersion_NewVersion_Returns202WithTheModelProgressingToIt()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.0.0"));

        var view = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal(model.Path, response.Headers.Location?.OriginalString);
        Assert.Equal("Progressing", (string?)view["phase"]);
        Assert.Equal("2.0.0", (string?)view["spec"]!["version"]);
        Assert.Equal("registry.example.com/risk/fraud-mm:2.0.0", (string?)view["spec"]!["image"]);
        Assert.Equal("1.4.2", (string?)view["stableVersion"]);
    }

    [Fact]
    public async Task ProposeVersion_NewVersion_SetsTheCandidateAndWhatItReplaces()
    {
        var model = await _client.RegisterModelAsync();

        var view = await _client.StartRolloutAsync(model, "2.0.0", "AR-2026-0301");

        var rollout = view["rollout"]!;
        Assert.Equal("2.0.0", (string?)rollout["candidate"]!["version"]);
        Assert.Equal("AR-2026-0301", (string?)rollout["candidate"]!["alignmentReportId"]);
        Assert.Equal("1.4.2", (string?)rollout["stable"]!["version"]);
    }

    [Fact]
    public async Task ProposeVersion_NewVersion_PutsTheNewAlignmentReportOnTheSpec()
    {
        var model = await _client.RegisterModelAsync();

        var view = await _client.StartRolloutAsync(model, "2.0.0", "AR-2026-0302");

        Assert.Equal("AR-2026-0302", (string?)view["spec"]!["annotations"]!["ai-alignment-report-id"]);
    }

    [Fact]
    public async Task ProposeVersion_NewVersion_RecordsACommittedRolloutDecision()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");

        var rollout = await _client.CommittedDecisionAsync(model, "rollout");

        Assert.Contains("1.4.2 → 2.0.0", (string?)rollout["summary"], StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)rollout["commitSha"]);
    }

    [Fact]
    public async Task ProposeVersion_WithReference_ListsTheReferenceFeatures()
    {
        var model = await _client.RegisterModelAsync();
        var reference = new JsonObject
        {
            ["country"] = new JsonObject { ["counts"] = new JsonObject { ["de"] = 40, ["fr"] = 60 } },
            ["amount"] = new JsonObject { ["values"] = new JsonArray(12.5, 40.0, 99.9) },
        };

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.0.0", reference: reference));

        var view = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal("amount country", string.Join(' ', view["referenceFeatures"]!.AsArray().Select(f => (string?)f)));
    }

    [Fact]
    public async Task ProposeVersion_UnregisteredModel_Returns404NamingIt()
    {
        var ghost = new RegisteredModel(Gateway.UniqueName("ns"), Gateway.UniqueName("ghost"), "none", "none");

        using var response = await _client.ProposeVersionAsync(ghost, Bodies.VersionProposal());

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, $"'{ghost.Id}'");
        Assert.Equal("NotRegistered", (string?)problem["reason"]);
    }

    [Fact]
    public async Task ProposeVersion_WhileAnotherIsProgressing_Returns409NamingIt()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.1.0"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "2.0.0 is still being rolled out");
        Assert.Equal("RolloutConflict", (string?)problem["reason"]);
    }

    [Fact]
    public async Task ProposeVersion_WhileAnotherIsProgressing_KeepsTheFirstCandidate()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        using (await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.1.0"))) { }

        var view = await _client.GetJsonAsync(model.Path);

        Assert.Equal("2.0.0", (string?)view["spec"]!["version"]);
        Assert.Equal("2.0.0", (string?)view["rollout"]!["candidate"]!["version"]);
    }

    [Fact]
    public async Task ProposeVersion_TheStableVersion_Returns409()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("1.4.2"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "1.4.2 is already the stable version");
    }

    [Fact]
    public async Task ProposeVersion_RolledBackVersionWithTheSameReport_Returns409AskingForANewReport()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0", "AR-2026-0200");
        using (var rollback = await _client.RollbackAsync(model, Bodies.Rollback("error rate doubled")))
            await Gateway.OkJson(rollback, HttpStatusCode.OK);

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.0.0", "AR-2026-0200"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "2.0.0 was rolled back", "error rate doubled", "new alignment report");
    }

    [Fact]
    public async Task ProposeVersion_RolledBackVersionWithANewReport_Returns202()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0", "AR-2026-0200");
        using (var rollback = await _client.RollbackAsync(model, Bodies.Rollback("error rate doubled")))
            await Gateway.OkJson(rollback, HttpStatusCode.OK);

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.0.0", "AR-2026-0201"));

        var view = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal("Progressing", (string?)view["phase"]);
        Assert.Equal("AR-2026-0201", (string?)view["rollout"]!["candidate"]!["alignmentReportId"]);
    }

    [Fact]
    public async Task ProposeVersion_TwoVersionsConcurrently_StartsExactlyOneRollout()
    {
        var model = await _client.RegisterModelAsync();

        var responses = await Task.WhenAll(
            _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.0.0")),
            _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.1.0")));

        Assert.Equal("Accepted Conflict", string.Join(' ', responses.Select(r => r.StatusCode.ToString()).Order(StringComparer.Ordinal)));
        Assert.Single((await _client.GetJsonAsync($"{model.Path}/decisions")).AsArray(), d => (string?)d!["kind"] == "rollout");
        foreach (var response in responses) response.Dispose();
    }
}
