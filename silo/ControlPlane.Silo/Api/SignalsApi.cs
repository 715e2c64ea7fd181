using System.Text.Json;
using ControlPlane.Silo.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Orleans.Runtime;

namespace ControlPlane.Silo.Api;

/// <summary>
/// Takes batches of GPU samples, checks each on its own, and publishes the good ones to each
/// model's "gpu" stream, one event per model per request.
/// </summary>
public static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/signals/gpu", PostGpu).WithTags("Signals").Accepts<GpuSample[]>("application/json");
        return app;
    }

    private static async Task<Results<Accepted<SignalBatchResult>, ProblemHttpResult>> PostGpu(
        HttpRequest request, IClusterClient client, IOptions<JsonOptions> json, IOptions<SignalOptions> limits, TimeProvider time)
    {
        var (batch, problem) = await JsonBody.ReadAsync<JsonElement[]>(request);
        if (problem is not null) return problem;
        if (batch!.Length > limits.Value.MaxBatchSamples)
            return Problems.TooLarge($"a batch may carry at most {limits.Value.MaxBatchSamples} samples; this one has {batch.Length}.");

        var now = time.GetUtcNow();
        var rejected = new List<RejectedSample>();
        var good = new List<(int Index, GpuSample Sample)>();
        for (var i = 0; i < batch.Length; i++)
        {
            var (sample, reason) = Parse(batch[i], json.Value.SerializerOptions);
            reason ??= GpuSampleRules.Check(sample!, now);
            if (reason is null) good.Add((i, sample!));
            else rejected.Add(new RejectedSample(i, reason));
        }

        var known = await client.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key).Known(good.Select(g => g.Sample.Model).Distinct().ToList());
        var accepted = 0;
        var streams = client.GetStreamProvider(StreamNamespaces.Provider);
        foreach (var group in good.GroupBy(g => g.Sample.Model))
        {
            if (!known.Contains(group.Key))
            {
                rejected.AddRange(group.Select(g => new RejectedSample(g.Index, $"model '{group.Key}' is not registered.")));
                continue;
            }
            try
            {
                var stream = streams.GetStream<GpuSampleBatch>(StreamId.Create(StreamNamespaces.Gpu, group.Key));
                await stream.OnNextAsync(new GpuSampleBatch(group.Select(g => g.Sample).ToList()));
                accepted += group.Count();
            }
            catch (InvalidOperationException)
            {
                // The memory stream queue is full: tell the shipper to retry rather than drop silently.
                rejected.AddRange(group.Select(g => new RejectedSample(g.Index, "stream is applying backpressure; retry the sample.")));
            }
        }

        ControlPlaneMetrics.Signals.WithLabels("gpu", "accepted").Inc(accepted);
        ControlPlaneMetrics.Signals.WithLabels("gpu", "rejected").Inc(rejected.Count);
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return TypedResults.Accepted((string?)null, new SignalBatchResult(accepted, rejected));
    }

    private static (GpuSample? Sample, string? Reason) Parse(JsonElement element, JsonSerializerOptions json)
    {
        try
        {
            return element.Deserialize<GpuSample>(json) is { } sample ? (sample, null) : (null, "sample is null.");
        }
        catch (JsonException ex)
        {
            return (null, $"invalid sample: {JsonBody.Describe(ex)}");
        }
    }
}
