using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;
using ControlPlane.Silo.Tests.Rollouts;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>POST /api/v1/signals/drift: computed values or raw observations, each sample checked on its own.</summary>
[Collection(SharedGateway.Name)]
public sealed class DriftSignalsApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    private static string Now => DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PostDrift_ComputedSampleForTheRunningVersion_Returns202AcceptingIt()
    {
        var model = await _client.RegisterModelAsync();

        var result = await _client.PostAcceptedDriftAsync(Bodies.DriftSample(model.Id, "1.4.2", "psi", 0.03));

        Assert.Equal(1, (int?)result["accepted"]);
        Assert.Empty(result["rejected"]!.AsArray());
    }

    [Fact]
    public async Task PostDrift_ComputedSampleWithFeature_Returns202AcceptingIt()
    {
        var model = await _client.RegisterModelAsync();
        var sample = Bodies.DriftSample(model.Id, "1.4.2", "ks", 0.4);
        sample["feature"] = "amount";

        var result = await _client.PostAcceptedDriftAsync(sample);

        Assert.Equal(1, (int?)result["accepted"]);
    }

    [Fact]
    public async Task PostDrift_RawValuesForTheRunningVersion_Returns202AcceptingThem()
    {
        var model = await _client.RegisterModelAsync();

        var result = await _client.PostAcceptedDriftAsync(Bodies.RawDriftSample(model.Id, "1.4.2", "amount", 12.5, 40, 99.9));

        Assert.Equal(1, (int?)result["accepted"]);
    }

    [Fact]
    public async Task PostDrift_RawCountsForTheRunningVersion_Returns202AcceptingThem()
    {
        var model = await _client.RegisterModelAsync();
        var sample = new JsonObject
        {
            ["model"] = model.Id,
            ["version"] = "1.4.2",
            ["timestamp"] = Now,
            ["feature"] = "country",
            ["counts"] = new JsonObject { ["de"] = 40, ["fr"] = 0 },
        };

        var result = await _client.PostAcceptedDriftAsync(sample);

        Assert.Equal(1, (int?)result["accepted"]);
    }

    [Fact]
    public async Task PostDrift_CandidateAndStableVersionsDuringRollout_AcceptsBoth()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");

        var result = await _client.PostAcceptedDriftAsync(Bodies.DriftSample(model.Id, "2.0.0"), Bodies.DriftSample(model.Id, "1.4.2"));

        Assert.Equal(2, (int?)result["accepted"]);
    }

    [Fact]
    public async Task PostDrift_RolledBackVersion_RejectedNamingTheRunningVersion()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");
        using (var rollback = await _client.RollbackAsync(model, Bodies.Rollback()))
            await Gateway.OkJson(rollback, HttpStatusCode.OK);

        using var response = await _client.PostDriftAsync(Bodies.DriftSample(model.Id, "2.0.0"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, $"model '{model.Id}' runs version 1.4.2, not 2.0.0");
    }

    [Fact]
    public async Task PostDrift_EmptyBatch_Returns400SayingItIsEmpty()
    {
        using var response = await _client.PostAsync("/api/v1/signals/drift", new JsonArray());

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "empty");
    }

    [Fact]
    public async Task PostDrift_BodyNotAnArray_Returns400()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.PostAsync("/api/v1/signals/drift", Bodies.DriftSample(model.Id, "1.4.2"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "invalid JSON");
    }

    [Fact]
    public async Task PostDrift_NoUsableSample_Returns400ListingEachRejectionByIndex()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.PostDriftAsync(
            Bodies.DriftSample("nobody/ghost", "1.4.2"),
            Bodies.DriftSample(model.Id, "1.4.2", "ks", 1.5),
            Bodies.DriftSample(model.Id, "9.9.9"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest,
            "[0] model 'nobody/ghost' is not registered", "[1] ks must be between 0 and 1", "[2] model");
        Assert.Equal(3, problem["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task PostDrift_MixedBatch_RejectsEachBadSampleByIndexAndAcceptsTheRest()
    {
        var model = await _client.RegisterModelAsync();
        var batch = new JsonNode[]
        {
            Bodies.DriftSample(model.Id, "1.4.2", "psi", 0.05),
            Bodies.DriftSample(model.Id, "1.4.2", "psi", 0.05, kind: "bias"),
            Bodies.RawDriftSample(model.Id, "1.4.2", "amount", 1, 2, 3),
            Bodies.DriftSample(model.Id, "9.9.9"),
            JsonValue.Create(42),
            Bodies.DriftSample(model.Id, "1.4.2", "demographic-parity-difference", -0.02, kind: "bias"),
        };

        var result = await _client.PostAcceptedDriftAsync(batch);

        Assert.Equal(3, (int?)result["accepted"]);
        var rejected = result["rejected"]!.AsArray();
        Assert.Equal("1 3 4", string.Join(' ', rejected.Select(r => (int)r!["index"]!)));
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace((string?)r!["reason"])));
    }

    public static readonly TheoryData<string, string> BadSamples = new()
    {
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "bias", "metric": "psi", "value": 0.1}""", "metric 'psi' is of kind 'data-drift', not 'bias'" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "chi-square", "value": 0.1}""", "metric must be one of" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "drift", "metric": "psi", "value": 0.1}""", "kind must be one of" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "metric": "psi", "value": 0.1}""", "kind must be one of" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "value": 0.1}""", "metric must be one of" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi"}""", "value must be a finite number" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "ks", "value": 1.5}""", "ks must be between 0 and 1; got 1.5" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": -0.1}""", "psi must be between 0 and ∞; got -0.1" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "bias", "metric": "demographic-parity-difference", "value": 1.5}""", "demographic-parity-difference must be between -1 and 1; got 1.5" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "accuracy", "metric": "accuracy", "value": -0.5}""", "accuracy must be between 0 and 1" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": "0.1"}""", "invalid sample" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": "NaN"}""", "invalid sample" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": 1e400}""", "value must be a finite number" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "feature": "amount", "values": [1.5, 1e400]}""", "observation.values[1] is not a finite number" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": 0.1, "feature": ""}""", "feature ''" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "feature": "amount", "values": []}""", "observation.values is empty" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "feature": "amount", "values": [1.5], "counts": {"de": 1}}""", "observation has both values and counts" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "feature": "country", "counts": {"de": -1, "fr": 3}}""", "is negative" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "feature": "country", "counts": {"de": 0}}""", "all zero" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "feature": "amount", "values": [1.5], "kind": "data-drift", "metric": "psi"}""", "a raw observation carries feature and values or counts, not kind, metric or value" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "feature": "amount", "values": [1.5], "value": 0.1}""", "not kind, metric or value" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "values": [1.5]}""", "feature" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": 0.1, "window": 60}""", "window" },
        { """{"model": "{model}", "version": "1.4.2", "timestamp": "2999-01-01T00:00:00Z", "kind": "data-drift", "metric": "psi", "value": 0.1}""", "in the future" },
        { """{"model": "{model}", "version": "1.4.2", "kind": "data-drift", "metric": "psi", "value": 0.1}""", "timestamp" },
        { """{"model": "{model}", "version": "1.0+x", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": 0.1}""", "version '1.0+x'" },
        { """{"model": "{model}", "version": "9.9.9", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": 0.1}""", "runs version 1.4.2, not 9.9.9" },
        { """{"model": "nobody/ghost", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": 0.1}""", "model 'nobody/ghost' is not registered" },
        { """{"model": "no-slash", "version": "1.4.2", "timestamp": "{now}", "kind": "data-drift", "metric": "psi", "value": 0.1}""", "<namespace>/<name>" },
        { "null", "null" },
    };

    [Theory]
    [MemberData(nameof(BadSamples))]
    public async Task PostDrift_OneBadSample_RejectsOnlyItWithAReason(string badSample, string reason)
    {
        var model = await _client.RegisterModelAsync();
        var bad = JsonNode.Parse(badSample
            .Replace("{model}", model.Id, StringComparison.Ordinal)
            .Replace("{now}", Now, StringComparison.Ordinal));
        var batch = new JsonArray(Bodies.DriftSample(model.Id, "1.4.2"), bad, Bodies.DriftSample(model.Id, "1.4.2"));

        using var response = await _client.PostAsync("/api/v1/signals/drift", batch);

        var result = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal(2, (int?)result["accepted"]);
        var rejected = Assert.Single(result["rejected"]!.AsArray())!;
        Assert.Equal(1, (int?)rejected["index"]);
        Assert.Contains(reason, (string?)rejected["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDrift_UnknownVersionDuringRollout_ReasonNamesCandidateAndStable()
    {
        var model = await _client.RegisterModelAsync();
        await _client.StartRolloutAsync(model, "2.0.0");

        using var response = await _client.PostDriftAsync(Bodies.DriftSample(model.Id, "9.9.9"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "runs version 2.0.0 (stable 1.4.2), not 9.9.9");
    }

    [Fact]
    public async Task PostDrift_TextPlainContentType_Returns415SayingJsonIsRequired()
    {
        var model = await _client.RegisterModelAsync();
        var batch = new JsonArray(Bodies.DriftSample(model.Id, "1.4.2"));

        using var response = await _client.PostAsync(Gateway.Url("/api/v1/signals/drift"), Gateway.Json(batch.ToJsonString(), "text/plain"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
    }
}
