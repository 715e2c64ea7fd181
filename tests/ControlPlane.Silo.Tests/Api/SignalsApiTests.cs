using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

[Collection(SharedGateway.Name)]
public sealed class SignalsApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task PostGpu_ValidSamples_Returns202AcceptingAll()
    {
        var model = await _client.RegisterModelAsync();

        var result = await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 65), Bodies.GpuSample(model.Id, 72));

        Assert.Equal(2, (int?)result["accepted"]);
        Assert.Empty(result["rejected"]!.AsArray());
    }

    [Fact]
    public async Task PostGpu_AcceptedSample_ReachesTheModel()
    {
        var model = await _client.RegisterModelAsync();

        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 66));

        var view = await Eventually.Until(() => _client.GetJsonAsync(model.Path), v => v["observedGpuUtilization"] is not null,
            Gateway.DecisionTimeout, "the sample reaching the model");
        Assert.Equal(66, (double?)view["observedGpuUtilization"]);
        Assert.NotNull(view["lastSampleAt"]);
    }

    [Fact]
    public async Task PostGpu_MixedBatch_RejectsEachBadSampleByIndexAndAcceptsTheRest()
    {
        var model = await _client.RegisterModelAsync();
        var nanAsString = Bodies.GpuSample(model.Id, 50);
        nanAsString["gpuUtilization"] = "NaN";
        var batch = new JsonNode[]
        {
            Bodies.GpuSample(model.Id, 60),
            Bodies.GpuSample($"{model.Namespace}/{Gateway.UniqueName("ghost")}", 60),
            Bodies.GpuSample(model.Id, 101),
            nanAsString,
            JsonValue.Create(42),
            Bodies.GpuSample(model.Id, 61),
        };

        var result = await _client.PostGpuSamplesAsync(batch);

        Assert.Equal(2, (int?)result["accepted"]);
        var rejected = result["rejected"]!.AsArray();
        Assert.Equal("1 2 3 4", string.Join(' ', rejected.Select(r => (int)r!["index"]!)));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace((string?)r!["reason"])));
    }

    public static readonly TheoryData<string, string> BadSamples = new()
    {
        { """{"model": "{model}", "timestamp": "{now}", "gpuUtilization": 101}""", "gpuUtilization" },
        { """{"model": "{model}", "timestamp": "{now}", "gpuUtilization": -1}""", "gpuUtilization" },
        { """{"model": "{model}", "timestamp": "{now}", "gpuUtilization": "NaN"}""", "gpuUtilization" },
        { """{"model": "{model}", "timestamp": "{now}", "gpuUtilization": "70"}""", "gpuUtilization" },
        { """{"model": "{model}", "timestamp": "{now}", "gpuUtilization": true}""", "gpuUtilization" },
        { """{"model": "{model}", "timestamp": "yesterday", "gpuUtilization": 70}""", "timestamp" },
        { """{"model": "{model}", "gpuUtilization": 70}""", "timestamp" },
        { """{"model": "{model}", "timestamp": "{now}", "gpuUtilization": 70, "temperature": 80}""", "temperature" },
        { """{"model": "{model}", "timestamp": "{now}", "gpuUtilization": 70, "requestsPerSecond": -3}""", "requestsPerSecond" },
        { """{"model": "{model}", "timestamp": "{now}", "gpuUtilization": 70, "pod": "Bad_Pod"}""", "pod" },
        { """{"model": "{model}", "timestamp": "2999-01-01T00:00:00Z", "gpuUtilization": 70}""", "future" },
        { """{"model": "no-slash", "timestamp": "{now}", "gpuUtilization": 70}""", "<namespace>/<name>" },
        { """{"model": "Upper/case", "timestamp": "{now}", "gpuUtilization": 70}""", "DNS-1123" },
        { """{"model": "nobody/ghost", "timestamp": "{now}", "gpuUtilization": 70}""", "not registered" },
        { "\"a string\"", "invalid sample" },
        { "[1, 2]", "invalid sample" },
        { "null", "null" },
    };

    [Theory]
    [MemberData(nameof(BadSamples))]
    public async Task PostGpu_OneBadSample_RejectsOnlyItWithAReason(string badSample, string reason)
    {
        var model = await _client.RegisterModelAsync();
        var bad = JsonNode.Parse(badSample
            .Replace("{model}", model.Id, StringComparison.Ordinal)
            .Replace("{now}", DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var batch = new JsonArray(Bodies.GpuSample(model.Id, 60), bad, Bodies.GpuSample(model.Id, 61));

        using var response = await _client.PostAsync("/api/v1/signals/gpu", batch);

        var result = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal(2, (int?)result["accepted"]);
        var rejected = Assert.Single(result["rejected"]!.AsArray())!;
        Assert.Equal(1, (int?)rejected["index"]);
        Assert.Contains(reason, (string?)rejected["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostGpu_EmptyBatch_Returns400SayingItIsEmpty()
    {
        using var response = await _client.PostAsync("/api/v1/signals/gpu", new JsonArray());

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "empty");
    }

    [Fact]
    public async Task PostGpu_NoUsableSample_Returns400ListingEachRejectionByIndex()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.PostAsync("/api/v1/signals/gpu",
            new JsonArray(Bodies.GpuSample("nobody/ghost", 50), Bodies.GpuSample(model.Id, 101)));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "[0] model 'nobody/ghost' is not registered", "[1] gpuUtilization");
        Assert.Equal(2, problem["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task PostGpu_BodyNotAnArray_Returns400()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.PostAsync("/api/v1/signals/gpu", Bodies.GpuSample(model.Id, 60));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "invalid JSON");
    }

    [Fact]
    public async Task PostGpu_MalformedJson_Returns400()
    {
        using var response = await _client.PostAsync(Gateway.Url("/api/v1/signals/gpu"), Gateway.Json("[{\"model\": "));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "invalid JSON");
    }

    [Fact]
    public async Task PostGpu_RejectedSamples_CountedInMetrics()
    {
        var before = await SignalsCountedAsync("rejected");

        var model = await _client.RegisterModelAsync();

        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 60), Bodies.GpuSample("nobody/ghost", 50), Bodies.GpuSample("nobody/ghost", 51));

        Assert.True(await SignalsCountedAsync("rejected") >= before + 2, "rejected samples were not counted");
    }

    private async Task<double> SignalsCountedAsync(string outcome)
    {
        using var response = await _client.GetAsync(Gateway.Url("/metrics"));
        var text = await response.Content.ReadAsStringAsync();
        var prefix = $"controlplane_signals_total{{stream=\"gpu\",outcome=\"{outcome}\",source=\"rest\"}} ";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
