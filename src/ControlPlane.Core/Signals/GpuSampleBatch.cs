namespace ControlPlane.Core.Signals;

/// <summary>
/// The samples of one model from one request: the unit published on the model's "gpu" stream. It carries the
/// request's W3C trace parent, so the decision it causes joins the request's trace.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GpuSampleBatch([Id(0)] IReadOnlyList<GpuSample> Samples, [Id(1)] string? TraceParent = null);
