namespace ControlPlane.Core.Clusters;

/// <summary>A pool of one GPU type in a cluster: how many GPUs and what a GPU-hour costs.</summary>
[GenerateSerializer, Immutable]
public sealed record GpuPool(
    [Id(0)] string GpuType,
    [Id(1)] int Capacity,
    [Id(2)] double OnDemandPricePerGpuHour,
    [Id(3)] double? SpotPricePerGpuHour = null);
