using ControlPlane.Core.Models;

namespace ControlPlane.Core.Rollout;

/// <summary>A model's rollout rules with every default filled in.</summary>
public sealed record RolloutSettings(TimeSpan Interval, int PromoteAfter, int ConsecutiveBreaches, IReadOnlyList<QualityBound> Bounds)
{
    /// <summary>Defaults, then the spec's <c>drift</c> bound, then its explicit <c>rollout.bounds</c>, later ones winning per metric.</summary>
    public static RolloutSettings For(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rollout = spec.Rollout ?? new RolloutSpec();
        var bounds = QualityMetrics.DefaultBounds.ToDictionary(b => b.Metric);
        if (spec.Drift is { } drift)
            bounds[drift.Metric] = drift.Metric == QualityMetrics.Ks ? new QualityBound(drift.Metric, Min: drift.Threshold) : new QualityBound(drift.Metric, Max: drift.Threshold);
        foreach (var bound in rollout.Bounds ?? []) bounds[bound.Metric] = bound;
        return new RolloutSettings(
            TimeSpan.FromSeconds(rollout.IntervalSeconds),
            rollout.PromoteAfter,
            rollout.ConsecutiveBreaches ?? spec.Drift?.ConsecutiveBreaches ?? 3,
            bounds.Values.OrderBy(b => b.Metric, StringComparer.Ordinal).ToList());
    }
}
