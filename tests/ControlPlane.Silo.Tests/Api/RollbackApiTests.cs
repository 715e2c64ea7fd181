using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;
using ControlPlane.Silo.Tests.Rollouts;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>POST /api/v1/models/{ns}/{name}/rollback: an operator goes back, with a reason, to the stable or an earlier release.</summary>
[Collection(SharedGateway.Name)]
public sealed class RollbackApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    private async Task<HttpResponseMessage> RollbackNewModelAsync(JsonNode rollback) =>
        await _client.RollbackAsync(await _client.RegisterModelAsync(), rollback);

    /// <summary>A model whose spec was updated from 1.4.2 to 1.5.0, so that 1.4.2 is an earlier release.</summary>
    private async Task<RegisteredModel> UpdatedModelAsync()
    {
        var model = await _client.RegisterModelAsync();
        using var response = await _client.PutAsync(model.Path, Bodies.Model(model.Cluster, model.Budget, version: "1.5.0"));
        await Gateway.OkJson(response, HttpStatusCode.OK);
        return model;
    }

    [Fact]
    public async Task Rollback_ReasonMissing_Returns400NamingReason()
    {
        using var response = await RollbackNewModelAsync(new JsonObject { ["toVersion"] = "1.4.2" });

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "reason");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n")]
    public async Task Rollback_ReasonBlank_Returns400SayingItIsRequired(string reason)
    {
        using var response = await RollbackNewModelAsync(Bodies.Rollback(reason));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "reason is required");
    }

    [Fact]
    public async Task Rollback_ReasonOver1000Characters_Returns400SayingTheLimit()
    {
        using var response = await RollbackNewModelAsync(Bodies.Rollback(new string('x', 1001)));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "reason", "1000");
    }

    [Fact]
    public async Task Rollback_ReasonOf1000CharactersDuringRollout_Returns200()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model);

        using var response = await _client.RollbackAsync(model, Bodies.Rollback(new string('x', 1000)));

        await Gateway.OkJson(response, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("1.0+x")]
    [InlineData("1.4.2\n")]
    [InlineData("")]
    [InlineData("1111111111111111111111111111111111111111111111111111111111111111")]
    public async Task Rollback_ToVersionNotALabelValue_Returns400NamingToVersion(string toVersion)
    {
        using var response = await RollbackNewModelAsync(Bodies.Rollback(toVersion: toVersion));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "toVersion '");
    }

    [Fact]
    public async Task Rollback_UnknownField_Returns400NamingIt()
    {
        var rollback = Bodies.Rollback();
        rollback["force"] = true;

        using var response = await RollbackNewModelAsync(rollback);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "force");
    }

    [Fact]
    public async Task Rollback_UnregisteredModel_Returns404NamingIt()
    {
        var ghost = new RegisteredModel(Gateway.UniqueName("ns"), Gateway.UniqueName("ghost"), "none", "none");

        using var response = await _client.RollbackAsync(ghost, Bodies.Rollback());

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, $"'{ghost.Id}'");
        Assert.Equal("NotRegistered", (string?)problem["reason"]);
    }

    [Fact]
    public async Task Rollback_DuringRollout_Returns200WithTheStableVersionBack()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");

        using var response = await _client.RollbackAsync(model, Bodies.Rollback("p99 latency doubled"));

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
        Assert.Equal("registry.example.com/risk/fraud-mm:1.4.2", (string?)view["spec"]!["image"]);
        Assert.Equal("AR-2026-0117", (string?)view["spec"]!["annotations"]!["ai-alignment-report-id"]);
        Assert.Equal("Stable", (string?)view["phase"]);
        Assert.Null(view["rollout"]);
    }

    [Fact]
    public async Task Rollback_DuringRollout_ListsTheCandidateUnderFailedVersions()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0", "AR-2026-0200");

        using var response = await _client.RollbackAsync(model, Bodies.Rollback("p99 latency doubled"));

        var failed = (await Gateway.OkJson(response, HttpStatusCode.OK))["failedVersions"]!["2.0.0"]!;
        Assert.Equal("AR-2026-0200", (string?)failed["alignmentReportId"]);
        Assert.Contains("p99 latency doubled", (string?)failed["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_DuringRollout_RecordsACommittedRollbackDecisionWithTheReason()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        using (var response = await _client.RollbackAsync(model, Bodies.Rollback("p99 latency doubled")))
            await Gateway.OkJson(response, HttpStatusCode.OK);

        var rollback = await _client.CommittedDecisionAsync(model, "rollback");

        Assert.Contains("2.0.0 → 1.4.2", (string?)rollback["summary"], StringComparison.Ordinal);
        Assert.Contains("p99 latency doubled", (string?)rollback["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_DuringRolloutToTheStableVersionByName_Returns200()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");

        using var response = await _client.RollbackAsync(model, Bodies.Rollback(toVersion: "1.4.2"));

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
    }

    [Fact]
    public async Task Rollback_DuringRolloutToAnotherVersion_Returns409NamingTheStableVersion()
    {
        var model = await UpdatedModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");

        using var response = await _client.RollbackAsync(model, Bodies.Rollback(toVersion: "1.4.2"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "only go back to the stable version 1.5.0");
        Assert.Equal("RolloutConflict", (string?)problem["reason"]);
    }

    [Fact]
    public async Task Rollback_DuringRolloutToAnotherVersion_KeepsTheRolloutGoing()
    {
        var model = await UpdatedModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        using (await _client.RollbackAsync(model, Bodies.Rollback(toVersion: "1.4.2"))) { }

        var view = await _client.GetJsonAsync(model.Path);

        Assert.Equal("Progressing", (string?)view["phase"]);
        Assert.Equal("2.0.0", (string?)view["spec"]!["version"]);
    }

    [Fact]
    public async Task Rollback_StableModelWithoutAnEarlierRelease_Returns404UnknownVersion()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.RollbackAsync(model, Bodies.Rollback());

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "no earlier release");
        Assert.Equal("UnknownVersion", (string?)problem["reason"]);
    }

    [Fact]
    public async Task Rollback_ToUnknownVersion_Returns404ListingTheKnownReleases()
    {
        var model = await UpdatedModelAsync();

        using var response = await _client.RollbackAsync(model, Bodies.Rollback(toVersion: "0.9.0"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "version 0.9.0 is not an earlier release", "1.4.2, 1.5.0");
        Assert.Equal("UnknownVersion", (string?)problem["reason"]);
    }

    [Fact]
    public async Task Rollback_StableModelToItsOwnVersion_Returns409()
    {
        var model = await UpdatedModelAsync();

        using var response = await _client.RollbackAsync(model, Bodies.Rollback(toVersion: "1.5.0"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "1.5.0 is already the stable version");
    }

    [Fact]
    public async Task Rollback_StableModelWithAnEarlierRelease_Returns200OnThatRelease()
    {
        var model = await UpdatedModelAsync();

        using var response = await _client.RollbackAsync(model, Bodies.Rollback("1.5.0 mislabels refunds"));

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
        Assert.Equal("1.4.2", (string?)view["stableVersion"]);
        Assert.NotNull(view["failedVersions"]!["1.5.0"]);
    }

    [Fact]
    public async Task Rollback_StableModelToANamedEarlierRelease_Returns200OnThatRelease()
    {
        var model = await UpdatedModelAsync();

        using var response = await _client.RollbackAsync(model, Bodies.Rollback(toVersion: "1.4.2"));

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
        Assert.Equal("1.4.2", (string?)view["stableVersion"]);
    }

    public static readonly TheoryData<string, string> NotOneLine = new()
    {
        { "slow\n\nDecision-Kind: promote", "a line feed (U+000A) at index 4" },
        { "slow\r", "a carriage return (U+000D) at index 4" },
        { "slow\tdown", "a tab (U+0009) at index 4" },
        { "slow\u0085down", "a next-line character (NEL) (U+0085) at index 4" },
        { "slow\u2029", "a paragraph separator (U+2029) at index 4" },
        { "slow\u001B[2J", "a control character (U+001B) at index 4" },
        { "slow\u007F", "a delete character (DEL) (U+007F) at index 4" },
        { "slow\u0080", "a C1 control character (U+0080) at index 4" },
        { "slow\uFFFE", "a noncharacter (U+FFFE) at index 4" },
        { " slow", "it starts or ends with whitespace" },
    };

    [Theory]
    [MemberData(nameof(NotOneLine))]
    public async Task Rollback_ReasonNotOneLineOfPrintableText_Returns400WithTheRuleAndCommitsNothing(string reason, string expected)
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        await _client.CommittedDecisionAsync(model, "rollout");

        using var response = await _client.RollbackAsync(model, Bodies.Rollback(reason));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "reason '", expected, "one line of printable text of 1-1000 characters");
        Assert.Equal("Progressing", (string?)(await _client.GetJsonAsync(model.Path))["phase"]);
        Assert.Equal(2, await ModelCommits.CountAsync(_client, host.Factory.RepositoryPath, model.Id)); // registration and rollout only
    }

    [Fact]
    public async Task Rollback_ReasonOf1000Characters_LandsWholeInTheReasonTrailer()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        var reason = string.Concat(Enumerable.Repeat("p99 regressed; ", 67))[..999] + "!";
        using (var response = await _client.RollbackAsync(model, Bodies.Rollback(reason)))
            await Gateway.OkJson(response, HttpStatusCode.OK);
        var rollback = await _client.CommittedDecisionAsync(model, "rollback");

        var trailer = await GitCli.OutputAsync(host.Factory.RepositoryPath,
            "log", "-1", "--format=%(trailers:key=Reason,valueonly)", (string)rollback["commitSha"]!);

        Assert.Equal($"operator: {reason}", trailer.Trim());
    }

    [Fact]
    public async Task Rollback_TextPlainContentType_Returns415SayingJsonIsRequired()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.PostAsync(Gateway.Url($"{model.Path}/rollback"), Gateway.Json(Bodies.Rollback().ToJsonString(), "text/plain"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
    }
}
