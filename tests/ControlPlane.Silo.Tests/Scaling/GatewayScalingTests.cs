using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Scaling;

/// <summary>Samples posted to the gateway travel the stream to the model grain and scale it (HPA rule: ceil(current × observed / target)).</summary>
[Collection(SharedGateway.Name)]
public sealed class GatewayScalingTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    private Task<JsonNode> ReplicasReachAsync(RegisteredModel model, int replicas) =>
        Eventually.Until(() => _client.GetJsonAsync(model.Path), v => (int?)v["replicas"] == replicas,
            Gateway.DecisionTimeout, $"{model.Id} reaching {replicas} replicas");

    [Fact]
    public async Task PostGpu_AboveTarget_ScalesModelToCeilOfTheRatio()
    {
        var model = await _client.RegisterModelAsync(); // min 1, max 8, target 70

        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98), Bodies.GpuSample(model.Id, 98));

        var view = await ReplicasReachAsync(model, 2); // ceil(1 × 98 / 70) = 2
        Assert.Equal(98, (double?)view["observedGpuUtilization"]);
    }

    [Fact]
    public async Task PostGpu_AboveTarget_RecordsACommittedScaleDecision()
    {
        var model = await _client.RegisterModelAsync();

        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98));

        var scale = await _client.CommittedDecisionAsync(model, "scale");
        Assert.Equal(1, (int?)scale["fromReplicas"]);
        Assert.Equal(2, (int?)scale["toReplicas"]);
        Assert.Matches("^[0-9a-f]{40}$", (string?)scale["commitSha"]);
        Assert.Contains("98% vs target 70%", (string?)scale["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostGpu_AboveTarget_ModelBecomesStableOnTheScaleCommit()
    {
        var model = await _client.RegisterModelAsync();
        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98));
        var scale = await _client.CommittedDecisionAsync(model, "scale");

        var view = await _client.GetJsonAsync(model.Path);

        Assert.Equal("Stable", (string?)view["phase"]);
        Assert.Equal((string?)scale["commitSha"], (string?)view["lastCommitSha"]);
        var listed = (await _client.GetJsonAsync("/api/v1/models")).AsArray().Single(m => (string?)m!["id"] == model.Id)!;
        Assert.Equal(2, (int?)listed["replicas"]);
    }

    [Fact]
    public async Task PostGpu_AboveTarget_ClusterReservationFollowsReplicas()
    {
        var model = await _client.RegisterModelAsync();
        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98));
        await ReplicasReachAsync(model, 2);

        var cluster = await _client.GetJsonAsync($"/api/v1/clusters/{model.Cluster}");

        Assert.Equal(2, (int?)Assert.Single(cluster["reservations"]!.AsArray())!["gpus"]);
    }

    [Fact]
    public async Task PostGpu_WithinTolerance_KeepsReplicas()
    {
        var model = await _client.RegisterModelAsync();

        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 75)); // 75/70 = 1.07, inside the 10% tolerance

        var view = await Eventually.Until(() => _client.GetJsonAsync(model.Path), v => v["observedGpuUtilization"] is not null,
            Gateway.DecisionTimeout, "the sample reaching the model");
        Assert.Equal(1, (int?)view["replicas"]);
        Assert.Single((await _client.GetJsonAsync($"{model.Path}/decisions")).AsArray());
    }

    [Fact]
    public async Task PostGpu_FarAboveTarget_ClampsToMaxReplicas()
    {
        var model = await _client.RegisterModelAsync(spec =>
        {
            spec["replicas"] = new JsonObject { ["min"] = 1, ["max"] = 3 };
            spec["targetGpuUtilization"] = 20;
        });

        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 100)); // ceil(1 × 100 / 20) = 5, clamped to 3

        await ReplicasReachAsync(model, 3);
    }

    [Fact]
    public async Task PostGpu_FewerFreeGpusThanWanted_CapsAtWhatFits()
    {
        var model = await _client.RegisterModelAsync(spec => spec["targetGpuUtilization"] = 25, Bodies.Cluster(capacity: 3));

        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 100)); // wants 4, the pool holds 3

        await ReplicasReachAsync(model, 3);
        var scale = await _client.CommittedDecisionAsync(model, "scale");
        Assert.Contains("capped at 3", (string?)scale["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutModel_MaxBelowScaledReplicas_ClampsReplicasAndReservation()
    {
        var model = await _client.RegisterModelAsync();
        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98));
        await ReplicasReachAsync(model, 2);

        using var response = await _client.PutAsync(model.Path, Bodies.Model(model.Cluster, model.Budget, min: 1, max: 1));

        Assert.Equal(1, (int?)(await Gateway.OkJson(response, System.Net.HttpStatusCode.OK))["replicas"]);
        var cluster = await _client.GetJsonAsync($"/api/v1/clusters/{model.Cluster}");
        Assert.Equal(1, (int?)Assert.Single(cluster["reservations"]!.AsArray())!["gpus"]);
    }
}
