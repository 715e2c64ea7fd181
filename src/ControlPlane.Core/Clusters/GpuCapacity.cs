namespace ControlPlane.Core.Clusters;

/// <summary>How many GPUs a model may hold in a pool, given what the other models already hold.</summary>
public static class GpuCapacity
{
    /// <summary>GPUs of <paramref name="gpuType"/> still free for <paramref name="model"/> (its own reservation counts as free to it).</summary>
    public static int FreeFor(ClusterSpec spec, IEnumerable<GpuReservation> reservations, string model, string gpuType)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var capacity = spec.Pool(gpuType)?.Capacity ?? 0;
        var heldByOthers = reservations.Where(r => r.GpuType == gpuType && r.Model != model).Sum(r => r.Gpus);
        return Math.Max(0, capacity - heldByOthers);
    }

    /// <summary>The most replicas of <paramref name="gpusPerReplica"/> GPUs that fit, capped at <paramref name="wanted"/>.</summary>
    public static int ReplicasThatFit(int wanted, int gpusPerReplica, int freeGpus) =>
        Math.Min(wanted, freeGpus / Math.Max(1, gpusPerReplica));
}
