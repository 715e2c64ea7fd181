namespace ControlPlane.Core.Models;

/// <summary>Says in one line what an update changed, for the decision's reason and the commit message.</summary>
public static class ModelSpecChanges
{
    public static string Describe(ModelSpec before, ModelSpec after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<string>();
        if (before.Image != after.Image) changed.Add($"image {before.Image} → {after.Image}");
        if (before.Replicas != after.Replicas) changed.Add($"replicas [{before.Replicas.Min}, {before.Replicas.Max}] → [{after.Replicas.Min}, {after.Replicas.Max}]");
        if (before.Cluster != after.Cluster) changed.Add($"cluster {before.Cluster} → {after.Cluster}");
        if (before.GpusPerReplica != after.GpusPerReplica) changed.Add($"GPUs per replica {before.GpusPerReplica} → {after.GpusPerReplica}");
        if (before.GpuType != after.GpuType) changed.Add($"GPU type {before.GpuType} → {after.GpuType}");
        if (before.CapacityTypeOrDefault != after.CapacityTypeOrDefault) changed.Add($"capacity {before.CapacityTypeOrDefault} → {after.CapacityTypeOrDefault}");
        return changed.Count == 0 ? "settings changed" : string.Join(", ", changed);
    }
}
