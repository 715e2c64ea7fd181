namespace ControlPlane.Core.Signals;

/// <summary>The samples of one model from one request: the unit published on the model's "gpu" stream.</summary>
[GenerateSerializer, Immutable]
public sealed record GpuSampleBatch([Id(0)] IReadOnlyList<GpuSample> Samples);
