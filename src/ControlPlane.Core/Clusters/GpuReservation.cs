namespace ControlPlane.Core.Clusters;

/// <summary>GPUs of one type held by one model in a cluster.</summary>
[GenerateSerializer, Immutable]
public sealed record GpuReservation([Id(0)] string Model, [Id(1)] string GpuType, [Id(2)] int Gpus);
