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
    /// <summary>The settings a spec runs with today.</summary>
    public static DeploymentSettings Of(ModelSpec spec, int replicas)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new DeploymentSettings(replicas, spec.Replicas, spec.GpuType, spec.GpusPerReplica, spec.WorkloadClass, spec.CapacityTypeOrDefault);
    }

    /// <summary>The spec with these settings; an on-demand spec that never named its capacity keeps not naming it.</summary>
    public ModelSpec ApplyTo(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec with
        {
            Replicas = Bounds,
            GpuType = GpuType,
            GpusPerReplica = GpusPerReplica,
            WorkloadClass = WorkloadClass,
            CapacityType = spec.CapacityType is null && CapacityType == FinOps.CapacityType.OnDemand ? null : CapacityType,
        };
    }
}

/// <summary>Which capacity a deployment's GPUs are bought as; the value of <see cref="DeploymentSettings.CapacityType"/>.</summary>
public static class CapacityType
{
    public const string OnDemand = CapacityTypes.OnDemand;
    public const string Spot = CapacityTypes.Spot;
}
