using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.FinOps;

/// <summary>Recommendations listed from a day of utilization and applied through the gateway like any decision.</summary>
[Collection(SharedGateway.Name)]
public sealed class RecommendationsApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    /// <summary>A model held at 3 replicas (its minimum) whose GPUs ran at 10% every hour of the last 30.</summary>
    private async Task<(RegisteredModel Model, JsonNode Recommendation)> UnderusedModelAsync()
    {
        var model = await _client.RegisterModelAsync(spec => spec["replicas"] = new JsonObject { ["min"] = 3, ["max"] = 8 });
        var now = DateTimeOffset.UtcNow;
        await _client.PostGpuSamplesAsync([.. Enumerable.Range(0, 30).Select(h =>
        {
            var sample = Bodies.GpuSample(model.Id, 10);
            sample["timestamp"] = now.AddHours(-h).ToString("O", CultureInfo.InvariantCulture);
            return (JsonNode)sample;
        })]);
        var recommendations = await Eventually.Until(
            async () => (await _client.GetJsonAsync($"{model.Path}/recommendations")).AsArray(),
            list => list.Any(r => (string?)r!["kind"] == "rightsize-replicas"),
            Gateway.DecisionTimeout, $"a rightsize recommendation for {model.Id}");
        return (model, recommendations.First(r => (string?)r!["kind"] == "rightsize-replicas")!);
    }

    [Fact]
    public async Task ListRecommendations_UnderusedModel_ShowsRightsizeWithSavingAndEvidence()
    {
        var (model, recommendation) = await UnderusedModelAsync();

        var all = (await _client.GetJsonAsync("/api/v1/recommendations")).AsArray();

        var listed = all.Single(r => (string?)r!["id"] == (string?)recommendation["id"])!;
        Assert.Equal(model.Id, (string?)listed["modelId"]);
        Assert.Equal(1, (int?)listed["proposed"]!["replicas"]);
        Assert.Equal(2 * 2.5 * 730, (double)listed["monthlySaving"]!, 6); // 2 GPUs removed at 2.5 per hour
        Assert.Equal("USD", (string?)listed["currency"]);
        Assert.Equal("10", (string?)listed["evidence"]!["p95-gpu-utilization"]);
    }

    [Fact]
    public async Task ApplyRecommendation_ByOperator_CommitsWithTrailersAndRequester()
    {
        var (model, recommendation) = await UnderusedModelAsync();
        using var operatorClient = host.Factory.CreateClient(Roles.Operator);

        using var response = await operatorClient.PostAsync($"/api/v1/recommendations/{recommendation["id"]}/apply", new JsonObject { ["model"] = model.Id });

        var applied = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal(1, (int?)applied["model"]!["replicas"]);
        Assert.Equal(1, (int?)applied["model"]!["spec"]!["replicas"]!["min"]);
        var decision = await _client.CommittedDecisionAsync(model, "recommendation");
        Assert.Equal("key/test-operator", (string?)decision["requestedBy"]);
        Assert.Equal((string?)recommendation["id"], (string?)decision["inputs"]!["recommendation-id"]);
        var sha = (string)decision["commitSha"]!;
        Assert.Equal("recommendation", await Trailer(sha, "Decision-Kind"));
        Assert.Equal("key/test-operator", await Trailer(sha, "Requested-By"));
        Assert.Equal((string?)decision["id"], await Trailer(sha, "Decision-Id"));
    }

    [Fact]
    public async Task ApplyRecommendation_WithoutBody_FindsItsModel()
    {
        var (model, recommendation) = await UnderusedModelAsync();

        using var response = await _client.PostAsync(Gateway.Url($"/api/v1/recommendations/{recommendation["id"]}/apply"), null);

        var applied = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal(model.Id, (string?)applied["model"]!["id"]);
        Assert.Equal("recommendation", (string?)applied["decision"]!["kind"]);
    }

    [Fact]
    public async Task ApplyRecommendation_Twice_SecondIsNoLongerCurrent()
    {
        var (model, recommendation) = await UnderusedModelAsync();
        using var first = await _client.PostAsync($"/api/v1/recommendations/{recommendation["id"]}/apply", new JsonObject { ["model"] = model.Id });
        await Gateway.OkJson(first, HttpStatusCode.OK);

        using var second = await _client.PostAsync($"/api/v1/recommendations/{recommendation["id"]}/apply", new JsonObject { ["model"] = model.Id });

        await ProblemAssert.IsProblem(second, HttpStatusCode.NotFound, "not current");
    }

    [Fact]
    public async Task ApplyRecommendation_MalformedId_Returns400()
    {
        using var response = await _client.PostAsync(Gateway.Url("/api/v1/recommendations/rec-XYZ/apply"), null);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "recommendation id");
    }

    [Fact]
    public async Task ModelRecommendations_NotRegistered_Returns404()
    {
        using var response = await _client.GetAsync($"/api/v1/models/{Gateway.UniqueName("ns")}/{Gateway.UniqueName("m")}/recommendations");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "is not registered");
    }

    private async Task<string> Trailer(string sha, string key) =>
        (await GitCli.OutputAsync(host.Factory.RepositoryPath, "log", "-1", $"--format=%(trailers:key={key},valueonly)", sha)).Trim();
}
