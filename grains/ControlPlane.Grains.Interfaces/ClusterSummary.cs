namespace ControlPlane.Grains;

/// <summary>One line of the cluster list: each GPU pool's capacity and what models have reserved of it.</summary>
[GenerateSerializer, Immutable]
public sealed record ClusterSummary([Id(0)] string Name, [Id(1)] IReadOnlyList<GpuPoolSummary> Pools, [Id(2)] double SpendLast24Hours)
{
    public static ClusterSummary Of(ClusterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Name, view.Spec.Pools.Select(p => new GpuPoolSummary(p.GpuType, p.Capacity,
            view.Reservations.Where(r => r.GpuType == p.GpuType).Sum(r => r.Gpus))).ToList(), view.SpendLast24Hours);
    }
}

/// <summary>A GPU pool's capacity and the GPUs reserved in it.</summary>
[GenerateSerializer, Immutable]
public sealed record GpuPoolSummary([Id(0)] string GpuType, [Id(1)] int Capacity, [Id(2)] int Reserved);
