using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ControlPlane.Core.FinOps;

/// <summary>A proposed change to a model's deployment that saves money, with the evidence behind it.</summary>
[GenerateSerializer, Immutable]
public sealed record Recommendation(
    [Id(0)] string Id,
    [Id(1)] string ModelId,
    [Id(2)] string Kind,
    [Id(3)] DeploymentSettings Current,
    [Id(4)] DeploymentSettings Proposed,
    [Id(5)] double MonthlySaving,
    [Id(6)] string Currency,
    [Id(7)] Dictionary<string, string> Evidence,
    [Id(8)] string Reason)
{
    /// <summary>
    /// Derived from the model, kind and proposal only (not prices or time), so the same advice has the same id
    /// tomorrow and applying it twice is recognisably the same change.
    /// </summary>
    public static string IdFor(string modelId, string kind, DeploymentSettings proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var canonical = string.Join('|', modelId, kind, proposed.Replicas.ToString(CultureInfo.InvariantCulture),
            proposed.Bounds.Min.ToString(CultureInfo.InvariantCulture), proposed.Bounds.Max.ToString(CultureInfo.InvariantCulture),
            proposed.GpuType, proposed.GpusPerReplica.ToString(CultureInfo.InvariantCulture), proposed.WorkloadClass, proposed.CapacityType);
        return "rec-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }
}

/// <summary>What a recommendation changes; the value of <see cref="Recommendation.Kind"/>.</summary>
public static class RecommendationKind
{
    public const string RightsizeReplicas = "rightsize-replicas";
    public const string RightsizeGpuType = "rightsize-gpu-type";
    public const string Spot = "spot";
    public const string Idle = "idle";
}
