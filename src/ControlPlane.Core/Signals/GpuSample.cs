namespace ControlPlane.Core.Signals;

/// <summary>One GPU utilization and load reading for a model, as shipped by a telemetry agent.</summary>
[GenerateSerializer, Immutable]
public sealed record GpuSample(
    [Id(0)] string Model,
    [Id(1)] DateTimeOffset Timestamp,
    [Id(2)] double GpuUtilization,
    [Id(3)] string? Pod = null,
    [Id(4)] long? GpuMemoryUsedBytes = null,
    [Id(5)] double? RequestsPerSecond = null);
