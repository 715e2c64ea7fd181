namespace ControlPlane.Core.Signals;

/// <summary>
/// A drift or quality signal for one model version: either a computed value
/// (<see cref="Kind"/>, <see cref="Metric"/>, <see cref="Value"/>) or raw observations of a feature
/// (<see cref="Values"/> or <see cref="Counts"/>) that the plane compares with the version's reference.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DriftSample(
    [Id(0)] string Model,
    [Id(1)] string Version,
    [Id(2)] DateTimeOffset Timestamp,
    [Id(3)] string? Kind = null,
    [Id(4)] string? Metric = null,
    [Id(5)] string? Feature = null,
    [Id(6)] double? Value = null,
    [Id(7)] List<double>? Values = null,
    [Id(8)] Dictionary<string, long>? Counts = null)
{
    public bool IsRaw => Values is not null || Counts is not null;
}

/// <summary>The drift samples of one model from one request: the unit published on the model's "drift" stream.</summary>
[GenerateSerializer, Immutable]
public sealed record DriftSampleBatch([Id(0)] IReadOnlyList<DriftSample> Samples, [Id(1)] string? TraceParent = null);
