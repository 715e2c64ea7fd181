using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>A model must land on a registered cluster with a pool of its GPU type and room for its minimum replicas, against a registered budget.</summary>
[Collection(SharedGateway.Name)]
public sealed class ModelPlacementTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task PutModel_UnknownCluster_Returns400SayingItIsNotRegistered()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        var cluster = Gateway.UniqueName("c");
        spec["cluster"] = cluster;

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, $"cluster '{cluster}' is not registered");
        Assert.Equal("UnknownCluster", (string?)problem["reason"]);
    }

    [Fact]
    public async Task PutModel_UnknownBudget_Returns400SayingItIsNotRegistered()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        var budget = Gateway.UniqueName("b");
        spec["budget"] = budget;

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, $"budget '{budget}' is not registered");
        Assert.Equal("UnknownBudget", (string?)problem["reason"]);
    }

    [Fact]
    public async Task PutModel_ClusterWithoutTheGpuType_Returns400NamingThePool()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["gpuType"] = "nvidia-h100";

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "'nvidia-h100'", Bodies.GpuType);
        Assert.Equal("NoGpuPool", (string?)problem["reason"]);
    }

    [Fact]
    public async Task PutModel_NotEnoughGpus_Returns409SayingHowManyAreFree()
    {
        var (path, spec) = await _client.NewModelRequestAsync(capacity: 1);
        spec["replicas"] = new JsonObject { ["min"] = 2, ["max"] = 4 };

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "1 free", "need 2");
        Assert.Equal("InsufficientCapacity", (string?)problem["reason"]);
    }

    [Fact]
    public async Task PutModel_NotEnoughGpus_LeavesNoModelAndNoReservation()
    {
        var (path, spec) = await _client.NewModelRequestAsync(capacity: 1);
        spec["replicas"] = new JsonObject { ["min"] = 2, ["max"] = 4 };

        using (await _client.PutAsync(path, spec)) { }

        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
        Assert.Empty((await _client.GetJsonAsync($"/api/v1/clusters/{spec["cluster"]}"))["reservations"]!.AsArray());
    }

    [Fact]
    public async Task PutModel_MovedToAnotherCluster_ReservesThereAndReleasesTheOldOne()
    {
        var model = await _client.RegisterModelAsync();
        var target = await _client.PutClusterAsync();

        using var response = await _client.PutAsync(model.Path, Bodies.Model(target, model.Budget));

        await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Empty((await _client.GetJsonAsync($"/api/v1/clusters/{model.Cluster}"))["reservations"]!.AsArray());
        Assert.Equal(model.Id, (string?)Assert.Single((await _client.GetJsonAsync($"/api/v1/clusters/{target}"))["reservations"]!.AsArray())!["model"]);
    }

    [Fact]
    public async Task PutModel_MovedToAFullCluster_Returns409AndStaysWhereItWas()
    {
        var model = await _client.RegisterModelAsync();
        var full = await _client.PutClusterAsync(Bodies.Cluster(capacity: 0));

        using var response = await _client.PutAsync(model.Path, Bodies.Model(full, model.Budget));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, $"cluster '{full}'");
        Assert.Equal(model.Cluster, (string?)(await _client.GetJsonAsync(model.Path))["spec"]!["cluster"]);
        Assert.Single((await _client.GetJsonAsync($"/api/v1/clusters/{model.Cluster}"))["reservations"]!.AsArray());
    }
}
