using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Rollouts;

/// <summary>
/// Rollouts through HTTP only: a version is proposed, drift is reported for it, and the analysis timer
/// (every second, two clean intervals to promote) promotes it or rolls it back.
/// </summary>
[Collection(SharedGateway.Name)]
public sealed class GatewayRolloutTests(GatewayHost host)
{
    private static readonly TimeSpan RolloutTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _client = host.Client;

    /// <summary>Reports clean drift (PSI 0.03) for 2.0.0 on every poll until the model is stable on it.</summary>
    private async Task<(RegisteredModel Model, JsonNode View)> PromotedAsync()
    {
        var model = await _client.RegisterFastRolloutModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        var view = await Eventually.Until(async () =>
            {
                await _client.PostAcceptedDriftAsync(Bodies.DriftSample(model.Id, "2.0.0", "psi", 0.03));
                return await _client.GetJsonAsync(model.Path);
            },
            v => (string?)v["phase"] == "Stable" && (string?)v["stableVersion"] == "2.0.0",
            RolloutTimeout, $"{model.Id} promoting 2.0.0");
        return (model, view);
    }

    /// <summary>Reports one critical fairness gap for 2.0.0 and waits until the model is stable on 1.4.2 again.</summary>
    private async Task<(RegisteredModel Model, JsonNode View)> RolledBackAsync()
    {
        var model = await _client.RegisterFastRolloutModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        await _client.PostAcceptedDriftAsync(Bodies.DriftSample(model.Id, "2.0.0", "demographic-parity-difference", 0.3, kind: "bias"));
        var view = await Eventually.Until(() => _client.GetJsonAsync(model.Path),
            v => (string?)v["phase"] == "Stable" && (string?)v["spec"]!["version"] == "1.4.2",
            RolloutTimeout, $"{model.Id} rolling 2.0.0 back");
        return (model, view);
    }

    [Fact]
    public async Task Rollout_CleanDriftEveryInterval_PromotesTheCandidateToStable()
    {
        var (_, view) = await PromotedAsync();

        Assert.Equal("2.0.0", (string?)view["spec"]!["version"]);
        Assert.Equal("registry.example.com/risk/fraud-mm:2.0.0", (string?)view["spec"]!["image"]);
        Assert.Null(view["rollout"]);
        Assert.Equal("1.4.2 2.0.0", string.Join(' ', view["releases"]!.AsArray().Select(r => (string?)r!["version"])));
    }

    [Fact]
    public async Task Rollout_Promoted_DecisionLogShowsCommittedPromoteAfterRollout()
    {
        var (model, _) = await PromotedAsync();

        var decisions = (await _client.GetJsonAsync($"{model.Path}/decisions")).AsArray();

        Assert.Equal("promote rollout register", string.Join(' ', decisions.Select(d => (string?)d!["kind"])));
        Assert.All(decisions, d => Assert.Matches("^[0-9a-f]{40}$", (string?)d!["commitSha"]));
        Assert.Contains("2 clean intervals in a row", (string?)decisions[0]!["reason"], StringComparison.Ordinal);
        Assert.Contains("psi=0.03", (string?)decisions[0]!["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollout_Promoted_ModelListShowsTheNewVersionStable()
    {
        var (model, _) = await PromotedAsync();

        var entry = (await _client.GetJsonAsync("/api/v1/models")).AsArray().Single(m => (string?)m!["id"] == model.Id)!;

        Assert.Equal("2.0.0", (string?)entry["version"]);
        Assert.Equal("2.0.0", (string?)entry["stableVersion"]);
        Assert.Equal("Stable", (string?)entry["phase"]);
    }

    [Fact]
    public async Task Rollback_AfterPromotion_ReturnsToThePreviousRelease()
    {
        var (model, _) = await PromotedAsync();

        using var response = await _client.RollbackAsync(model, Bodies.Rollback("2.0.0 mislabels refunds"));

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
        Assert.Equal("1.4.2", (string?)view["stableVersion"]);
        Assert.Equal("AR-2026-0200", (string?)view["failedVersions"]!["2.0.0"]!["alignmentReportId"]);
    }

    [Fact]
    public async Task Rollout_NoDriftReported_NeverPromotes()
    {
        var model = await _client.RegisterFastRolloutModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");

        var view = await Eventually.Until(() => _client.GetJsonAsync(model.Path),
            v => (int?)v["rollout"]?["intervalsAnalysed"] >= 3, RolloutTimeout, $"three intervals analysed for {model.Id}");

        Assert.Equal("Progressing", (string?)view["phase"]);
        Assert.Equal(0, (int?)view["rollout"]!["cleanIntervals"]);
        Assert.Equal("no-data", (string?)view["rollout"]!["lastAnalysis"]!["verdict"]);
    }

    [Fact]
    public async Task Rollout_CriticalBias_RollsBackToTheStableVersion()
    {
        var (_, view) = await RolledBackAsync();

        Assert.Equal("registry.example.com/risk/fraud-mm:1.4.2", (string?)view["spec"]!["image"]);
        Assert.Equal("1.4.2", (string?)view["stableVersion"]);
        Assert.Null(view["rollout"]);
    }

    [Fact]
    public async Task Rollout_CriticalBias_LatestDecisionIsACommittedRollbackNamingTheMetric()
    {
        var (model, _) = await RolledBackAsync();

        var latest = Assert.Single((await _client.GetJsonAsync($"{model.Path}/decisions?limit=1")).AsArray())!;

        Assert.Equal("rollback", (string?)latest["kind"]);
        Assert.Contains("critical bound breached", (string?)latest["reason"], StringComparison.Ordinal);
        Assert.Contains("demographic-parity-difference=0.3", (string?)latest["reason"], StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)latest["commitSha"]);
    }

    [Fact]
    public async Task Rollout_CriticalBias_ListsTheVersionUnderFailedVersions()
    {
        var (model, _) = await RolledBackAsync();

        var view = await _client.GetJsonAsync(model.Path);

        var failed = view["failedVersions"]!["2.0.0"]!;
        Assert.Equal("2.0.0", (string?)failed["version"]);
        Assert.Equal("AR-2026-0200", (string?)failed["alignmentReportId"]);
        Assert.Contains("demographic-parity-difference", (string?)failed["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollout_CriticalBias_RefusesTheSameVersionUnderTheSameReport()
    {
        var (model, _) = await RolledBackAsync();

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.0.0", "AR-2026-0200"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "new alignment report");
    }

    [Fact]
    public async Task Rollout_CriticalSampleStampedBeforeTheRolloutStarted_DoesNotJudgeIt()
    {
        var model = await _client.RegisterFastRolloutModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        var stale = Bodies.DriftSample(model.Id, "2.0.0", "demographic-parity-difference", 0.3, kind: "bias");
        stale["timestamp"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await _client.PostAcceptedDriftAsync(stale);

        var view = await Eventually.Until(() => _client.GetJsonAsync(model.Path),
            v => v["rollout"] is null || (int?)v["rollout"]!["intervalsAnalysed"] >= 2, RolloutTimeout, $"two intervals analysed for {model.Id}");

        Assert.Equal("Progressing", (string?)view["phase"]);
    }
}
