using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

[Collection(SharedGateway.Name)]
public sealed class ClustersApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task PutCluster_ValidSpec_Returns200WithNameAndPools()
    {
        var name = Gateway.UniqueName("c");

        using var response = await _client.PutAsync($"/api/v1/clusters/{name}", Bodies.Cluster(capacity: 4));

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal(name, (string?)view["name"]);
        var pool = view["spec"]!["pools"]![0]!;
        Assert.Equal(Bodies.GpuType, (string?)pool["gpuType"]);
        Assert.Equal(4, (int?)pool["capacity"]);
        Assert.Empty(view["reservations"]!.AsArray());
    }

    [Fact]
    public async Task GetCluster_AfterPut_ReturnsStoredSpec()
    {
        var name = await _client.PutClusterAsync(Bodies.Cluster(capacity: 6, price: 3.25));

        var view = await _client.GetJsonAsync($"/api/v1/clusters/{name}");

        Assert.Equal(name, (string?)view["name"]);
        Assert.Equal(6, (int?)view["spec"]!["pools"]![0]!["capacity"]);
        Assert.Equal(3.25, (double?)view["spec"]!["pools"]![0]!["onDemandPricePerGpuHour"]);
    }

    [Fact]
    public async Task PutCluster_SecondPut_ReplacesPools()
    {
        var name = await _client.PutClusterAsync(Bodies.Cluster(capacity: 2));

        using var response = await _client.PutAsync($"/api/v1/clusters/{name}", Bodies.Cluster(capacity: 16));

        await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal(16, (int?)(await _client.GetJsonAsync($"/api/v1/clusters/{name}"))["spec"]!["pools"]![0]!["capacity"]);
    }

    [Fact]
    public async Task GetCluster_ModelRegistered_ShowsItsGpuReservation()
    {
        var model = await _client.RegisterModelAsync(spec => spec["replicas"] = new JsonObject { ["min"] = 2, ["max"] = 4 });

        var view = await _client.GetJsonAsync($"/api/v1/clusters/{model.Cluster}");

        var reservation = Assert.Single(view["reservations"]!.AsArray())!;
        Assert.Equal(model.Id, (string?)reservation["model"]);
        Assert.Equal(Bodies.GpuType, (string?)reservation["gpuType"]);
        Assert.Equal(2, (int?)reservation["gpus"]);
    }

    [Fact]
    public async Task GetCluster_NotRegistered_Returns404NamingIt()
    {
        var name = Gateway.UniqueName("c");

        using var response = await _client.GetAsync($"/api/v1/clusters/{name}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, $"'{name}'");
    }

    [Fact]
    public async Task PutCluster_NegativeCapacity_Returns400NamingCapacity()
    {
        var body = Bodies.Cluster(capacity: -1);

        using var response = await _client.PutAsync($"/api/v1/clusters/{Gateway.UniqueName("c")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "pools[0].capacity");
    }

    [Fact]
    public async Task PutCluster_NoPools_Returns400NamingPools()
    {
        using var response = await _client.PutAsync($"/api/v1/clusters/{Gateway.UniqueName("c")}", new JsonObject { ["pools"] = new JsonArray() });

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "pools");
    }

    [Fact]
    public async Task PutCluster_DuplicateGpuType_Returns400NamingIt()
    {
        var body = Bodies.Cluster();
        body["pools"]!.AsArray().Add(Bodies.Cluster()["pools"]![0]!.DeepClone());

        using var response = await _client.PutAsync($"/api/v1/clusters/{Gateway.UniqueName("c")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, Bodies.GpuType);
    }

    [Fact]
    public async Task PutCluster_GpuTypeEndingInNewline_Returns400NamingIt()
    {
        var body = Bodies.Cluster(gpuType: "nvidia-a100\n");

        using var response = await _client.PutAsync($"/api/v1/clusters/{Gateway.UniqueName("c")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "gpuType");
    }

    [Fact]
    public async Task PutCluster_UnknownField_Returns400NamingIt()
    {
        var body = Bodies.Cluster();
        body["region"] = "eu-west-1";

        using var response = await _client.PutAsync($"/api/v1/clusters/{Gateway.UniqueName("c")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "region");
    }

    [Fact]
    public async Task PutCluster_PoolMissingCapacity_Returns400NamingIt()
    {
        var body = Bodies.Cluster();
        body["pools"]![0]!.AsObject().Remove("capacity");

        using var response = await _client.PutAsync($"/api/v1/clusters/{Gateway.UniqueName("c")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "capacity");
    }

    [Fact]
    public async Task PutCluster_MalformedJson_Returns400()
    {
        using var response = await _client.PutAsync(Gateway.Url($"/api/v1/clusters/{Gateway.UniqueName("c")}"), Gateway.Json("{\"pools\": [{"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "invalid JSON");
    }
}
