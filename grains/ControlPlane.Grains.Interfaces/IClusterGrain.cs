namespace ControlPlane.Grains;

/// <summary>One Kubernetes cluster: its GPU pools, prices and the GPUs reserved by models.</summary>
public interface IClusterGrain : IGrainWithStringKey
{
    Task<ClusterView> Put(ClusterSpec spec);

    Task<ClusterView?> Get();

    /// <summary>
    /// Reserves GPUs for up to <paramref name="replicas"/> replicas, replacing the model's previous reservation;
    /// refuses (and changes nothing) when fewer than <paramref name="minReplicas"/> fit. Zero replicas releases.
    /// </summary>
    Task<GpuGrant> Reserve(string model, string gpuType, int gpusPerReplica, int replicas, int minReplicas);

    /// <summary>Adds what a model's GPUs in this cluster cost over [<paramref name="from"/>, <paramref name="until"/>) to the hourly roll-up.</summary>
    Task AccrueSpend(string model, double cost, DateTimeOffset from, DateTimeOffset until);
}
