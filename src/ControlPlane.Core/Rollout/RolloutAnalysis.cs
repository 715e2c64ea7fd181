namespace ControlPlane.Core.Rollout;

/// <summary>
/// Judges one interval: each metric (per feature) is summarised by its median, so a single outlier
/// among several values cannot breach; any critical breach makes the interval critical.
/// </summary>
public static class RolloutAnalysis
{
    public static IntervalAnalysis Evaluate(IReadOnlyCollection<QualityObservation> observations, IReadOnlyList<QualityBound> bounds)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0) return new IntervalAnalysis(Verdicts.NoData, []);
        var byMetric = bounds.ToDictionary(b => b.Metric);
        var metrics = observations
            .GroupBy(o => (o.Metric, o.Feature))
            .OrderBy(g => g.Key.Metric, StringComparer.Ordinal).ThenBy(g => g.Key.Feature, StringComparer.Ordinal)
            .Select(g => Summarise(g.Key.Metric, g.Key.Feature, g.Select(o => o.Value).ToArray(), byMetric.GetValueOrDefault(g.Key.Metric)))
            .ToList();
        var verdict = metrics.Any(m => m.State == Verdicts.Critical) ? Verdicts.Critical
            : metrics.Any(m => m.State == Verdicts.Breach) ? Verdicts.Breach
            : Verdicts.Clean;
        return new IntervalAnalysis(verdict, metrics);
    }

    private static MetricSummary Summarise(string metric, string? feature, double[] values, QualityBound? bound)
    {
        var median = Median(values);
        var size = QualityMetrics.Magnitude(metric, median);
        // Fail closed: NaN compares false with every bound, so a value that cannot be judged breaches.
        var state = bound switch
        {
            null => Verdicts.Unbounded,
            _ when !double.IsFinite(size) || size > bound.Max || size < bound.Min => bound.Critical ? Verdicts.Critical : Verdicts.Breach,
            _ when size > bound.Watch => Verdicts.Watch,
            _ => Verdicts.Clean,
        };
        return new MetricSummary(metric, feature, double.IsFinite(median) ? median : null, values.Length, state, bound);
    }

    public static double Median(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
