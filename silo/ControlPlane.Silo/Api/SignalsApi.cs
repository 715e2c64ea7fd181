using ControlPlane.Silo.Security;
using System.Text.Json;
using ControlPlane.Silo.Hosting;
using ControlPlane.Silo.Signals;
using Microsoft.AspNetCore.Http.Json;

namespace ControlPlane.Silo.Api;

/// <summary>
/// Takes batches of GPU or drift samples, checks each on its own, and hands the good ones to the
/// <see cref="SignalPublisher"/>, one event per model per request. A batch in which nothing is usable is a 400.
/// </summary>
public static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<SignalOptions>>().Value.MaxBatchBytes;
        var signals = app.MapGroup("/api/v1/signals").WithTags("Signals").RequireRole(Roles.Operator).WithBodyLimit(maxBytes);
        signals.MapPost("/gpu", (HttpRequest request, SignalPublisher publisher, IOptions<JsonOptions> json, IOptions<SignalOptions> limits) =>
            Publish(request, publisher, json.Value.SerializerOptions, limits.Value, SignalKinds.Gpu))
            .Accepts<GpuSample[]>("application/json");
        signals.MapPost("/drift", (HttpRequest request, SignalPublisher publisher, IOptions<JsonOptions> json, IOptions<SignalOptions> limits) =>
            Publish(request, publisher, json.Value.SerializerOptions, limits.Value, SignalKinds.Drift))
            .Accepts<DriftSample[]>("application/json");
        return app;
    }

    private static async Task<Results<Accepted<SignalBatchResult>, ProblemHttpResult>> Publish<TSample, TBatch>(
        HttpRequest request, SignalPublisher publisher, JsonSerializerOptions json, SignalOptions limits, SignalKind<TSample, TBatch> stream)
        where TSample : class
    {
        var (batch, problem) = await JsonBody.ReadAsync<JsonElement[]>(request);
        if (problem is not null) return problem;
        if (batch!.Length == 0) return Problems.BadRequest("the batch is empty: send a JSON array of samples.");
        if (batch.Length > limits.MaxBatchSamples)
            return Problems.TooLarge($"a batch may carry at most {limits.MaxBatchSamples} samples; this one has {batch.Length}.");

        var rejected = new List<RejectedSample>();
        var parsed = new List<(int Index, TSample Sample)>();
        for (var i = 0; i < batch.Length; i++)
        {
            var (sample, reason) = Parse<TSample>(batch[i], json);
            if (sample is not null) parsed.Add((i, sample));
            else rejected.Add(new RejectedSample(i, reason!));
        }

        var result = await publisher.PublishAsync(stream, parsed, rejected, SignalPublisher.Rest);
        if (result.Accepted == 0)
            return Problems.BadRequest($"no sample in the batch was accepted: {string.Join(" ", result.Rejected.Take(5).Select(r => $"[{r.Index}] {r.Reason}"))}",
                result.Rejected.Select(r => $"[{r.Index}] {r.Reason}"));
        return TypedResults.Accepted((string?)null, result);
    }

    private static (T? Sample, string? Reason) Parse<T>(JsonElement element, JsonSerializerOptions json) where T : class
    {
        try
        {
            return element.Deserialize<T>(json) is { } sample ? (sample, null) : (null, "sample is null.");
        }
        catch (JsonException ex)
        {
            return (null, $"invalid sample: {JsonBody.Describe(ex)}");
        }
    }
}
