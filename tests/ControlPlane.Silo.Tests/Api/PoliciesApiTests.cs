using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

[Collection(SharedGateway.Name)]
public sealed class PoliciesApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task GetPolicies_NewRepository_ListsTheTwoDefaultPolicies()
    {
        var policies = (await _client.GetJsonAsync("/api/v1/policies")).AsArray();

        Assert.Equal(["max-gpus-per-container", "require-alignment-report"], policies.Select(p => (string?)p!["name"]).Order());
        Assert.All(policies, p => Assert.Null((string?)p!["error"]));
        Assert.All(policies, p => Assert.Equal("Deny", (string?)p!["validationActions"]![0]));
    }

    [Fact]
    public async Task PutModel_ThreeGpusPerReplica_Returns422WithThePolicyMessage()
    {
        var (path, spec) = await _client.NewModelRequestAsync(capacity: 64);
        spec["gpusPerReplica"] = 3;

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "requests 3 GPUs, exceeding the maximum allowed of 2");
        Assert.Equal("PolicyDenied", (string?)problem["reason"]);
        Assert.Contains(problem["errors"]!.AsArray(), e => ((string?)e)!.StartsWith("max-gpus-per-container:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
    }

    [Fact]
    public async Task PutModel_DeniedByPolicy_ReservesNoGpus()
    {
        var (path, spec) = await _client.NewModelRequestAsync(capacity: 64);
        spec["gpusPerReplica"] = 4;

        using var response = await _client.PutAsync(path, spec);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var cluster = await _client.GetJsonAsync($"/api/v1/clusters/{(string?)spec["cluster"]}");
        Assert.Empty(cluster["reservations"]!.AsArray());
    }
}
