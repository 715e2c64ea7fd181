using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Rollouts;

/// <summary>
/// Rollouts judged on raw observations: the plane compares posted values or counts with the reference
/// that came with the proposal (PSI, KS or Jensen–Shannon, Wasserstein) every interval.
/// </summary>
[Collection(SharedGateway.Name)]
public sealed class RawObservationRolloutTests(GatewayHost host)
{
    private static readonly TimeSpan RolloutTimeout = TimeSpan.FromSeconds(20);

    private static readonly double[] Amounts = [.. Enumerable.Range(0, 100).Select(i => (double)i)];

    private readonly HttpClient _client = host.Client;

    private async Task<RegisteredModel> RollingOutAsync(JsonObject reference)
    {
        var model = await _client.RegisterFastRolloutModelAsync();
        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.0.0", reference: reference));
        await Gateway.OkJson(response, HttpStatusCode.Accepted);
        return model;
    }

    private static JsonObject CountsSample(RegisteredModel model, long de, long fr) => new()
    {
        ["model"] = model.Id,
        ["version"] = "2.0.0",
        ["timestamp"] = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["feature"] = "country",
        ["counts"] = new JsonObject { ["de"] = de, ["fr"] = fr },
    };

    [Fact]
    public async Task Rollout_RawValuesDistributedLikeTheReference_Promotes()
    {
        var model = await RollingOutAsync(new JsonObject { ["amount"] = new JsonObject { ["values"] = new JsonArray([.. Amounts.Select(a => (JsonNode?)a)]) } });

        var view = await Eventually.Until(async () =>
            {
                await _client.PostAcceptedDriftAsync(Bodies.RawDriftSample(model.Id, "2.0.0", "amount", Amounts));
                return await _client.GetJsonAsync(model.Path);
            },
            v => (string?)v["stableVersion"] == "2.0.0", RolloutTimeout, $"{model.Id} promoting 2.0.0");

        Assert.Equal("Stable", (string?)view["phase"]);
    }

    [Fact]
    public async Task Rollout_RawValuesDistributedLikeTheReference_PromoteReasonCitesPsiAndKs()
    {
        var model = await RollingOutAsync(new JsonObject { ["amount"] = new JsonObject { ["values"] = new JsonArray([.. Amounts.Select(a => (JsonNode?)a)]) } });
        await Eventually.Until(async () =>
            {
                await _client.PostAcceptedDriftAsync(Bodies.RawDriftSample(model.Id, "2.0.0", "amount", Amounts));
                return await _client.GetJsonAsync(model.Path);
            },
            v => (string?)v["stableVersion"] == "2.0.0", RolloutTimeout, $"{model.Id} promoting 2.0.0");

        var promote = await _client.CommittedDecisionAsync(model, "promote");

        Assert.Contains("psi[amount]=0 ", (string?)promote["reason"], StringComparison.Ordinal);
        Assert.Contains("ks[amount]=1 ", (string?)promote["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollout_RawCountsFarFromTheReference_RollsBackAfterThreeBreachedIntervals()
    {
        var model = await RollingOutAsync(new JsonObject { ["country"] = new JsonObject { ["counts"] = new JsonObject { ["de"] = 90, ["fr"] = 10 } } });

        await Eventually.Until(async () =>
            {
                using (await _client.PostDriftAsync(CountsSample(model, de: 10, fr: 90))) { }
                return await _client.GetJsonAsync(model.Path);
            },
            v => (string?)v["phase"] == "Stable" && (string?)v["spec"]!["version"] == "1.4.2", RolloutTimeout, $"{model.Id} rolling 2.0.0 back");

        var rollback = await _client.CommittedDecisionAsync(model, "rollback");
        Assert.Contains("3 breached intervals in a row", (string?)rollback["reason"], StringComparison.Ordinal);
        Assert.Contains("psi[country]", (string?)rollback["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeVersion_ReferenceValuesBeyondTheMagnitudeLimit_Returns400NamingTheValue()
    {
        // Values this large made distances overflow (NaN), which then passed every bound: they are refused at the edge.
        var model = await _client.RegisterModelAsync();

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal("2.0.0",
            reference: new JsonObject { ["amount"] = new JsonObject { ["values"] = new JsonArray(-1.7e308, 1.7e308) } }));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "reference['amount'].values[0]", "magnitude");
    }

    [Fact]
    public async Task PostDrift_RawValuesBeyondTheMagnitudeLimit_AreRejected()
    {
        var model = await RollingOutAsync(new JsonObject { ["amount"] = new JsonObject { ["values"] = new JsonArray(1.0, 2.0, 3.0) } });

        using var response = await _client.PostAsync("/api/v1/signals/drift", new JsonArray(Bodies.RawDriftSample(model.Id, "2.0.0", "amount", 1, 1e300)));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "magnitude");
    }
}
