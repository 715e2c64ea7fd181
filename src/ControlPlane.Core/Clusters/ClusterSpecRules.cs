using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Clusters;

/// <summary>Checks a <see cref="ClusterSpec"/>; every problem is one sentence.</summary>
public static class ClusterSpecRules
{
    public const int MaxPools = 64;
    public const int MaxCapacity = 1_000_000;
    public const double MaxPricePerGpuHour = 10_000;

    public static List<string> Validate(ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<string>();
        if (spec.Pools is null || spec.Pools.Count == 0) return ["pools must list at least one GPU pool."];
        if (spec.Pools.Count > MaxPools) errors.Add($"pools may list at most {MaxPools} GPU pools.");
        for (var i = 0; i < spec.Pools.Count; i++)
        {
            var pool = spec.Pools[i];
            if (pool is null) { errors.Add($"pools[{i}] is null."); continue; }
            if (Dns1123.CheckLabel($"pools[{i}].gpuType", pool.GpuType) is { } bad) errors.Add(bad);
            if (pool.Capacity is < 0 or > MaxCapacity) errors.Add($"pools[{i}].capacity must be between 0 and {MaxCapacity}.");
            if (!IsPrice(pool.OnDemandPricePerGpuHour)) errors.Add($"pools[{i}].onDemandPricePerGpuHour must be a finite number between 0 and {MaxPricePerGpuHour}.");
            if (pool.SpotPricePerGpuHour is { } spot && !IsPrice(spot)) errors.Add($"pools[{i}].spotPricePerGpuHour must be a finite number between 0 and {MaxPricePerGpuHour}.");
        }
        foreach (var dup in spec.Pools.Where(p => p is not null).GroupBy(p => p.GpuType).Where(g => g.Count() > 1))
            errors.Add($"gpuType '{Dns1123.Printable(dup.Key)}' appears in more than one pool.");
        return errors;
    }

    private static bool IsPrice(double price) => double.IsFinite(price) && price is >= 0 and <= MaxPricePerGpuHour;
}
