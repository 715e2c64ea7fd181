using ControlPlane.Core.Models;

namespace ControlPlane.Core.FinOps;

/// <summary>The cost-relevant settings of a model's deployment: before and after a <see cref="Recommendation"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record DeploymentSettings(
    [Id(0)] int Replicas,
    [Id(1)] ReplicaBounds Bounds,
    [Id(2)] string GpuType,
    [Id(3)] int GpusPerReplica,
    [Id(4)] string WorkloadClass,
    [Id(5)] string CapacityType = CapacityType.OnDemand)
{
    /// <summary>The settings a spec runs with today; ModelSpec has no capacity field, so on-demand is assumed.</summary>
    public static DeploymentSettings Of(ModelSpec spec, int replicas)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new DeploymentSettings(replicas, spec.Replicas, spec.GpuType, spec.GpusPerReplica, spec.WorkloadClass);
    }
}

/// <summary>Which capacity a deployment's GPUs are bought as; the value of <see cref="DeploymentSettings.CapacityType"/>.</summary>
public static class CapacityType
{
    public const string OnDemand = "on-demand";
    public const string Spot = "spot";
}
