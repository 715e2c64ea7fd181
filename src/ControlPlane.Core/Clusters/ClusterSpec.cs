namespace ControlPlane.Core.Clusters;

/// <summary>A Kubernetes cluster the plane deploys to, described by its GPU pools.</summary>
[GenerateSerializer, Immutable]
public sealed record ClusterSpec([Id(0)] IReadOnlyList<GpuPool> Pools)
{
    public GpuPool? Pool(string gpuType) => Pools.FirstOrDefault(p => p.GpuType == gpuType);
}
