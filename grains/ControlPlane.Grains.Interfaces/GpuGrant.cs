namespace ControlPlane.Grains;

/// <summary>The replicas a cluster can hold for a model, and what its GPUs cost per hour (on demand, and spot when the pool has a price).</summary>
[GenerateSerializer, Immutable]
public sealed record GpuGrant([Id(0)] int Replicas, [Id(1)] double PricePerGpuHour, [Id(2)] GrainError? Error, [Id(3)] double? SpotPricePerGpuHour = null)
{
    /// <summary>The price per GPU-hour for the capacity type a spec asks for; spot without a spot price costs on-demand.</summary>
    public double PriceFor(string capacityType) =>
        capacityType == CapacityTypes.Spot && SpotPricePerGpuHour is { } spot ? spot : PricePerGpuHour;
}
