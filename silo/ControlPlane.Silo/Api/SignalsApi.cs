using ControlPlane.Silo.Security;
using System.Diagnostics;
using System.Text.Json;
using ControlPlane.Silo.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Orleans.Runtime;

namespace ControlPlane.Silo.Api;

/// <summary>
/// Takes batches of GPU or drift samples, checks each on its own, and publishes the good ones to each
/// model's stream, one event per model per request. A batch in which nothing is usable is a 400.
/// </summary>
public static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<SignalOptions>>().Value.MaxBatchBytes;
        var signals = app.MapGroup("/api/v1/signals").WithTags("Signals").RequireRole(Roles.Operator).WithBodyLimit(maxBytes);
        signals.MapPost("/gpu", (HttpRequest request, IClusterClient client, IOptions<JsonOptions> json, IOptions<SignalOptions> limits, TimeProvider time) =>
            Publish(request, client, json.Value.SerializerOptions, limits.Value, StreamNamespaces.Gpu,
                (GpuSample s) => (s.Model, GpuSampleRules.Check(s, time.GetUtcNow())), (_, _) => null, samples => new GpuSampleBatch(samples, Activity.Current?.Id)))
            .Accepts<GpuSample[]>("application/json");
        signals.MapPost("/drift", (HttpRequest request, IClusterClient client, IOptions<JsonOptions> json, IOptions<SignalOptions> limits, TimeProvider time) =>
            Publish(request, client, json.Value.SerializerOptions, limits.Value, StreamNamespaces.Drift,
                (DriftSample s) => (s.Model, DriftSampleRules.Check(s, time.GetUtcNow())), UnknownVersion, samples => new DriftSampleBatch(samples, Activity.Current?.Id)))
            .Accepts<DriftSample[]>("application/json");
        return app;
    }

    private static async Task<Results<Accepted<SignalBatchResult>, ProblemHttpResult>> Publish<TSample, TBatch>(
        HttpRequest request, IClusterClient client, JsonSerializerOptions json, SignalOptions limits, string stream,
        Func<TSample, (string Model, string? Problem)> check, Func<TSample, ModelSummary, string?> checkAgainstModel,
        Func<List<TSample>, TBatch> batchOf)
        where TSample : class
    {
        var (batch, problem) = await JsonBody.ReadAsync<JsonElement[]>(request);
        if (problem is not null) return problem;
        if (batch!.Length == 0) return Problems.BadRequest("the batch is empty: send a JSON array of samples.");
        if (batch.Length > limits.MaxBatchSamples)
            return Problems.TooLarge($"a batch may carry at most {limits.MaxBatchSamples} samples; this one has {batch.Length}.");

        var rejected = new List<RejectedSample>();
        var good = new List<(int Index, string Model, TSample Sample)>();
        for (var i = 0; i < batch.Length; i++)
        {
            var (sample, reason) = Parse<TSample>(batch[i], json);
            string? model = null;
            if (sample is not null) (model, reason) = check(sample);
            if (reason is null) good.Add((i, model!, sample!));
            else rejected.Add(new RejectedSample(i, reason));
        }

        var known = await client.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key).Find(good.Select(g => g.Model).Distinct().ToList());
        var accepted = 0;
        var streams = client.GetStreamProvider(StreamNamespaces.Provider);
        foreach (var group in good.GroupBy(g => g.Model))
        {
            if (!known.TryGetValue(group.Key, out var model))
            {
                rejected.AddRange(group.Select(g => new RejectedSample(g.Index, $"model '{group.Key}' is not registered.")));
                continue;
            }
            var usable = new List<(int Index, TSample Sample)>();
            foreach (var (index, _, sample) in group)
            {
                if (checkAgainstModel(sample, model) is { } reason) rejected.Add(new RejectedSample(index, reason));
                else usable.Add((index, sample));
            }
            if (usable.Count == 0) continue;
            try
            {
                await streams.GetStream<TBatch>(StreamId.Create(stream, group.Key)).OnNextAsync(batchOf(usable.Select(u => u.Sample).ToList()));
                accepted += usable.Count;
            }
            catch (InvalidOperationException)
            {
                // The memory stream queue is full: tell the shipper to retry rather than drop silently.
                rejected.AddRange(usable.Select(u => new RejectedSample(u.Index, "stream is applying backpressure; retry the sample.")));
            }
        }

        ControlPlaneMetrics.Signals.WithLabels(stream, "accepted").Inc(accepted);
        ControlPlaneMetrics.Signals.WithLabels(stream, "rejected").Inc(rejected.Count);
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        if (accepted == 0)
            return Problems.BadRequest($"no sample in the batch was accepted: {string.Join(" ", rejected.Take(5).Select(r => $"[{r.Index}] {r.Reason}"))}",
                rejected.Select(r => $"[{r.Index}] {r.Reason}"));
        return TypedResults.Accepted((string?)null, new SignalBatchResult(accepted, rejected));
    }

    private static string? UnknownVersion(DriftSample sample, ModelSummary model) => model.Runs(sample.Version)
        ? null
        : $"model '{model.Id}' runs version {model.Version}{(model.StableVersion is { } s && s != model.Version ? $" (stable {s})" : "")}, not {sample.Version}.";

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
