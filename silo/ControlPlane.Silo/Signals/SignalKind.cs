using System.Diagnostics;

namespace ControlPlane.Silo.Signals;

/// <summary>
/// One kind of signal: the stream it travels on, how a sample is checked alone and against its model,
/// and how a model's samples become the event published on that stream (carrying the publisher's trace).
/// </summary>
public sealed record SignalKind<TSample, TBatch>(
    string Name,
    Func<TSample, DateTimeOffset, (string Model, string? Problem)> Check,
    Func<TSample, ModelSummary, string?> CheckAgainstModel,
    Func<List<TSample>, TBatch> BatchOf);

/// <summary>The kinds of signal the plane takes.</summary>
public static class SignalKinds
{
    public static readonly SignalKind<GpuSample, GpuSampleBatch> Gpu = new(
        StreamNamespaces.Gpu, (s, now) => (s.Model, GpuSampleRules.Check(s, now)), (_, _) => null, samples => new GpuSampleBatch(samples, Activity.Current?.Id));

    public static readonly SignalKind<DriftSample, DriftSampleBatch> Drift = new(
        StreamNamespaces.Drift, (s, now) => (s.Model, DriftSampleRules.Check(s, now)), UnknownVersion, samples => new DriftSampleBatch(samples, Activity.Current?.Id));

    private static string? UnknownVersion(DriftSample sample, ModelSummary model) => model.Runs(sample.Version)
        ? null
        : $"model '{model.Id}' runs version {model.Version}{(model.StableVersion is { } s && s != model.Version ? $" (stable {s})" : "")}, not {sample.Version}.";
}
