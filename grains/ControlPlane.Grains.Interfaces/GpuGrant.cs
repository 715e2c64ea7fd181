namespace ControlPlane.Grains;

/// <summary>The replicas a cluster can hold for a model, and what its GPUs cost per hour.</summary>
[GenerateSerializer, Immutable]
public sealed record GpuGrant([Id(0)] int Replicas, [Id(1)] double PricePerGpuHour, [Id(2)] GrainError? Error);
