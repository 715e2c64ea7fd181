using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>A model spec that cannot be read or breaks a rule is refused with 400 naming the field, and nothing is registered.</summary>
[Collection(SharedGateway.Name)]
public sealed class ModelSpecValidationTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task PutModel_MalformedJson_Returns400()
    {
        var (path, _) = await _client.NewModelRequestAsync();

        using var response = await _client.PutAsync(Gateway.Url(path), Gateway.Json("{\"image\": \"x\", "));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "invalid JSON");
    }

    [Fact]
    public async Task PutModel_JsonNull_Returns400()
    {
        var (path, _) = await _client.NewModelRequestAsync();

        using var response = await _client.PutAsync(Gateway.Url(path), Gateway.Json("null"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task PutModel_UnknownField_Returns400NamingIt()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["gpuCount"] = 2;

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "gpuCount");
    }

    [Fact]
    public async Task PutModel_UnknownNestedField_Returns400NamingIt()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["replicas"]!["desired"] = 3;

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "desired");
    }

    [Theory]
    [InlineData("image")]
    [InlineData("cluster")]
    [InlineData("replicas")]
    [InlineData("targetGpuUtilization")]
    public async Task PutModel_MissingRequiredField_Returns400NamingIt(string field)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec.Remove(field);

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal("InvalidRequest", (string?)problem["reason"]); // refused while reading the body, not by a grain
    }

    [Fact]
    public async Task PutModel_NumberAsString_Returns400NamingIt()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["gpusPerReplica"] = "1";

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "gpusPerReplica");
    }

    [Theory]
    [InlineData("gpusPerReplica", "0", "gpusPerReplica")]
    [InlineData("gpusPerReplica", "17", "gpusPerReplica")]
    [InlineData("targetGpuUtilization", "150", "targetGpuUtilization")]
    [InlineData("targetGpuUtilization", "0", "targetGpuUtilization")]
    [InlineData("replicas", """{"min": 5, "max": 2}""", "replicas.min must not exceed replicas.max")]
    [InlineData("replicas", """{"min": 0, "max": 2}""", "replicas.min")]
    [InlineData("workloadClass", "\"realtime\"", "workloadClass")]
    [InlineData("image", "\"Not An Image\"", "image")]
    [InlineData("annotations", "{}", "ai-alignment-report-id")]
    [InlineData("capacityType", "\"preemptible\"", "capacityType")]
    [InlineData("scaling", """{"mode": "psychic"}""", "scaling.mode")]
    [InlineData("scaling", """{"mode": "predictive"}""", "requestsPerSecondPerReplica")]
    public async Task PutModel_FieldOutOfRange_Returns400NamingIt(string field, string json, string detail)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec[field] = JsonNode.Parse(json);

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, detail);
        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
    }

    [Theory]
    [InlineData("cluster")]
    [InlineData("budget")]
    [InlineData("gpuType")]
    [InlineData("version")]
    [InlineData("image")]
    public async Task PutModel_FieldEndingInNewline_Returns400NamingIt(string field)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec[field] = (string)spec[field]! + "\n";

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal("InvalidRequest", (string?)problem["reason"]); // refused by validation, not by a grain
    }

    [Fact]
    public async Task PutModel_SeveralBadFields_ListsEveryError()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["gpusPerReplica"] = 0;
        spec["targetGpuUtilization"] = 150;

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "gpusPerReplica", "targetGpuUtilization");
        Assert.Equal(2, problem["errors"]!.AsArray().Count);
    }
}
