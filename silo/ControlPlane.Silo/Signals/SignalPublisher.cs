using ControlPlane.Silo.Api;
using Orleans.Runtime;

namespace ControlPlane.Silo.Signals;

/// <summary>
/// Checks samples, drops those of unregistered models, and publishes the rest to each model's stream,
/// one event per model per call. The REST gateway and the Prometheus poller both come through here.
/// </summary>
public sealed class SignalPublisher(IClusterClient client, DecisionClock clock, TimeProvider time)
{
    /// <summary>Where samples came from, as the <c>source</c> label of <c>controlplane_signals_total</c>.</summary>
    public const string Rest = "rest";

    public const string Prometheus = "prometheus";

    /// <summary>
    /// Publishes <paramref name="samples"/> (by their index in the caller's batch); <paramref name="rejected"/> holds what
    /// the caller already refused and receives the rest of the refusals. A full stream queue refuses its samples as dropped.
    /// </summary>
    public async Task<SignalBatchResult> PublishAsync<TSample, TBatch>(
        SignalKind<TSample, TBatch> stream, IReadOnlyList<(int Index, TSample Sample)> samples, List<RejectedSample> rejected, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rejected);
        var now = clock.GetUtcNow();
        var good = new List<(int Index, string Model, TSample Sample)>();
        foreach (var (index, sample) in samples)
        {
            var (model, reason) = stream.Check(sample, now);
            if (reason is null) good.Add((index, model, sample));
            else rejected.Add(new RejectedSample(index, reason));
        }

        var known = good.Count == 0
            ? new Dictionary<string, ModelSummary>()
            : await TransientGrainCalls.Retry(() => client.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key).Find(good.Select(g => g.Model).Distinct().ToList()), time);
        var (accepted, dropped) = (0, 0);
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
                if (stream.CheckAgainstModel(sample, model) is { } reason) rejected.Add(new RejectedSample(index, reason));
                else usable.Add((index, sample));
            }
            if (usable.Count == 0) continue;
            try
            {
                var batch = stream.BatchOf(usable.Select(u => u.Sample).ToList());
                // A queue on a silo that is leaving or died refuses the event unprocessed: another attempt reaches its new home.
                await TransientGrainCalls.Retry(async () =>
                {
                    await streams.GetStream<TBatch>(StreamId.Create(stream.Name, group.Key)).OnNextAsync(batch);
                    return true;
                }, time);
                accepted += usable.Count;
            }
            catch (InvalidOperationException)
            {
                // The memory stream queue is full: the sender is told to retry rather than the sample vanishing unseen.
                dropped += usable.Count;
                rejected.AddRange(usable.Select(u => new RejectedSample(u.Index, "stream is applying backpressure; retry the sample.")));
            }
        }

        ControlPlaneMetrics.Signals.WithLabels(stream.Name, "accepted", source).Inc(accepted);
        ControlPlaneMetrics.Signals.WithLabels(stream.Name, "rejected", source).Inc(rejected.Count - dropped);
        ControlPlaneMetrics.Signals.WithLabels(stream.Name, "dropped", source).Inc(dropped);
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new SignalBatchResult(accepted, rejected);
    }
}
