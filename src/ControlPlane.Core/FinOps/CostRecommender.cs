using System.Globalization;
using ControlPlane.Core.Clusters;
using ControlPlane.Core.Models;

namespace ControlPlane.Core.FinOps;

/// <summary>
/// Turns a model's utilization and its cluster's prices into cost recommendations: idle (scale to the minimum),
/// rightsize replicas (HPA arithmetic on p95), a cheaper GPU type (only with a configured capacity table), and spot for
/// batch work. Monthly savings assume 730 hours a month at on-demand prices; each rule stands alone, so savings of
/// several recommendations for one model overlap and are not additive.
/// </summary>
public static class CostRecommender
{
    /// <summary>Hours in an average month (8760 / 12), the convention cloud price sheets use.</summary>
    public const double HoursPerMonth = 730;

    public static IReadOnlyList<Recommendation> Recommend(RecommendationInput input, RecommendationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= RecommendationOptions.Default;
        var pool = input.Pools.FirstOrDefault(p => p.GpuType == input.Spec.GpuType);
        if (pool is null || input.CurrentReplicas <= 0) return [];

        var found = new List<Recommendation>();
        // Idle advice already removes every replica rightsizing would; proposing both would double-count the saving.
        if (Idle(input, pool, options) is { } idle) found.Add(idle);
        else if (RightsizeReplicas(input, pool, options) is { } rightsize) found.Add(rightsize);
        if (RightsizeGpuType(input, pool, options) is { } gpuType) found.Add(gpuType);
        if (Spot(input, pool) is { } spot) found.Add(spot);
        return found;
    }

    private static Recommendation? Idle(RecommendationInput input, GpuPool pool, RecommendationOptions options)
    {
        var spec = input.Spec;
        var u = input.Utilization;
        var idleHours = options.IdlePeriod.TotalHours;
        var quietSince = u.LastLoadAt ?? input.Now.AddHours(-u.HoursObserved);
        if (u.HoursObserved < idleHours || input.Now - quietSince < options.IdlePeriod || input.CurrentReplicas <= spec.Replicas.Min) return null;

        var removed = input.CurrentReplicas - spec.Replicas.Min;
        var evidence = UtilizationEvidence(input, pool);
        evidence["idle-after-hours"] = Number(idleHours);
        return Build(input, RecommendationKind.Idle, DeploymentSettings.Of(spec, input.CurrentReplicas) with { Replicas = spec.Replicas.Min },
            removed * spec.GpusPerReplica * pool.OnDemandPricePerGpuHour * HoursPerMonth, evidence,
            u.LastLoadAt is { } last
                ? $"no load since {last:yyyy-MM-dd HH:mm}Z; scale to the minimum of {spec.Replicas.Min}"
                : $"no load in {u.HoursObserved} observed hours; scale to the minimum of {spec.Replicas.Min}");
    }

    private static Recommendation? RightsizeReplicas(RecommendationInput input, GpuPool pool, RecommendationOptions options)
    {
        var spec = input.Spec;
        var u = input.Utilization;
        if (u.HoursObserved < options.MinObservedHours || spec.TargetGpuUtilization <= 0) return null;
        if (u.P95Utilization >= spec.TargetGpuUtilization * options.LowUtilizationFraction) return null;

        // HPA's desired = ceil(current × metric / target), on the p95 so peaks still land under target.
        var proposed = Math.Max(1, (int)Math.Ceiling(input.CurrentReplicas * u.P95Utilization / spec.TargetGpuUtilization));
        if (proposed >= input.CurrentReplicas) return null;
        var settings = DeploymentSettings.Of(spec, input.CurrentReplicas) with
        {
            Replicas = proposed,
            Bounds = new ReplicaBounds(Math.Min(spec.Replicas.Min, proposed), spec.Replicas.Max),
        };
        return Build(input, RecommendationKind.RightsizeReplicas, settings,
            (input.CurrentReplicas - proposed) * spec.GpusPerReplica * pool.OnDemandPricePerGpuHour * HoursPerMonth,
            UtilizationEvidence(input, pool),
            string.Format(CultureInfo.InvariantCulture, "p95 GPU utilization {0:0.#}% is under half the {1:0.#}% target; {2} replicas carry it",
                u.P95Utilization, spec.TargetGpuUtilization, proposed));
    }

    private static Recommendation? RightsizeGpuType(RecommendationInput input, GpuPool pool, RecommendationOptions options)
    {
        var spec = input.Spec;
        var u = input.Utilization;
        if (u.HoursObserved < options.MinObservedHours || spec.TargetGpuUtilization <= 0 || options.CapacityOf(spec.GpuType) is not { } current) return null;

        var currentCost = input.CurrentReplicas * spec.GpusPerReplica * pool.OnDemandPricePerGpuHour;
        var best = input.Pools
            .Where(p => p.GpuType != spec.GpuType && p.OnDemandPricePerGpuHour < pool.OnDemandPricePerGpuHour)
            .Select(p => (Pool: p, Capacity: options.CapacityOf(p.GpuType)))
            .Where(c => c.Capacity is not null)
            .Select(c =>
            {
                var ratio = current / c.Capacity!.Value;
                // Bounds scale by the capacity ratio so the new type keeps the old floor and can still reach the old peak.
                var min = Math.Max(1, (int)Math.Ceiling(spec.Replicas.Min * ratio));
                // The p95 load re-expressed in the candidate's GPUs must stay under the target with margin.
                var replicas = Math.Max(min, (int)Math.Ceiling(input.CurrentReplicas * u.P95Utilization * ratio / (spec.TargetGpuUtilization * options.GpuTypeMargin)));
                var bounds = new ReplicaBounds(min, Math.Max(replicas, (int)Math.Ceiling(spec.Replicas.Max * ratio)));
                return (c.Pool, Ratio: ratio, Replicas: replicas, Bounds: bounds, Cost: replicas * spec.GpusPerReplica * c.Pool.OnDemandPricePerGpuHour);
            })
            .Where(c => c.Cost < currentCost && c.Replicas * spec.GpusPerReplica <= c.Pool.Capacity)
            .OrderBy(c => c.Cost).ThenBy(c => c.Pool.GpuType, StringComparer.Ordinal)
            .Select(c => ((GpuPool Pool, double Ratio, int Replicas, ReplicaBounds Bounds, double Cost)?)c)
            .FirstOrDefault();
        if (best is not { } b) return null;

        var settings = DeploymentSettings.Of(spec, input.CurrentReplicas) with { Replicas = b.Replicas, Bounds = b.Bounds, GpuType = b.Pool.GpuType };
        var evidence = UtilizationEvidence(input, pool);
        evidence["candidate-price-per-gpu-hour"] = Number(b.Pool.OnDemandPricePerGpuHour);
        evidence["relative-capacity"] = $"{spec.GpuType}={Number(current)}, {b.Pool.GpuType}={Number(current / b.Ratio)}";
        evidence["assumption"] = "throughput scales by the configured relative capacity; GPU memory fit is not checked";
        return Build(input, RecommendationKind.RightsizeGpuType, settings, (currentCost - b.Cost) * HoursPerMonth, evidence,
            string.Format(CultureInfo.InvariantCulture, "p95 GPU utilization {0:0.#}% fits on {1} × {2} at under {3:0.#}% of the target",
                u.P95Utilization, b.Replicas, b.Pool.GpuType, options.GpuTypeMargin * 100));
    }

    private static Recommendation? Spot(RecommendationInput input, GpuPool pool)
    {
        var spec = input.Spec;
        if (spec.WorkloadClass != "batch" || spec.CapacityTypeOrDefault == CapacityType.Spot || pool.SpotPricePerGpuHour is not { } spot || spot >= pool.OnDemandPricePerGpuHour) return null;

        var evidence = Prices(pool);
        evidence["workload-class"] = spec.WorkloadClass;
        return Build(input, RecommendationKind.Spot, DeploymentSettings.Of(spec, input.CurrentReplicas) with { CapacityType = CapacityType.Spot },
            input.CurrentReplicas * spec.GpusPerReplica * (pool.OnDemandPricePerGpuHour - spot) * HoursPerMonth, evidence,
            string.Format(CultureInfo.InvariantCulture, "batch work tolerates interruption; spot {0} costs {1:0.###} instead of {2:0.###} per GPU-hour",
                spec.GpuType, spot, pool.OnDemandPricePerGpuHour));
    }

    private static Recommendation Build(RecommendationInput input, string kind, DeploymentSettings proposed, double saving,
        Dictionary<string, string> evidence, string reason) =>
        new(Recommendation.IdFor(input.ModelId, kind, proposed), input.ModelId, kind,
            DeploymentSettings.Of(input.Spec, input.CurrentReplicas), proposed, saving, input.Currency, evidence, reason);

    private static Dictionary<string, string> UtilizationEvidence(RecommendationInput input, GpuPool pool)
    {
        var u = input.Utilization;
        var evidence = Prices(pool);
        evidence["hours-observed"] = Number(u.HoursObserved);
        evidence["hours-with-load"] = Number(u.HoursWithLoad);
        evidence["mean-gpu-utilization"] = Number(u.MeanUtilization);
        evidence["p95-gpu-utilization"] = Number(u.P95Utilization);
        evidence["target-gpu-utilization"] = Number(input.Spec.TargetGpuUtilization);
        evidence["last-load-at"] = u.LastLoadAt?.ToString("O", CultureInfo.InvariantCulture) ?? "never";
        return evidence;
    }

    private static Dictionary<string, string> Prices(GpuPool pool)
    {
        var evidence = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["gpu-type"] = pool.GpuType,
            ["on-demand-price-per-gpu-hour"] = Number(pool.OnDemandPricePerGpuHour),
            ["hours-per-month"] = Number(HoursPerMonth),
        };
        if (pool.SpotPricePerGpuHour is { } spot) evidence["spot-price-per-gpu-hour"] = Number(spot);
        return evidence;
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
