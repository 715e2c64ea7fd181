namespace ControlPlane.Core.Rollout;

/// <summary>The verdict on one analysis interval, with the statistics it rests on.</summary>
[GenerateSerializer, Immutable]
public sealed record IntervalAnalysis([Id(0)] string Verdict, [Id(1)] IReadOnlyList<MetricSummary> Metrics)
{
    public string Describe() => Metrics.Count == 0
        ? "no drift or quality signals in the interval"
        : string.Join(", ", Metrics.Select(m => m.Describe()));
}

/// <summary>
/// One metric (per feature) over an interval: the median of its values (null when it could not be
/// computed, e.g. from values at the edge of the double range) and how it stands against its bound.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MetricSummary(
    [Id(0)] string Metric,
    [Id(1)] string? Feature,
    [Id(2)] double? Median,
    [Id(3)] int Count,
    [Id(4)] string State,
    [Id(5)] QualityBound? Bound)
{
    public string Describe()
    {
        var name = Feature is null ? Metric : $"{Metric}[{Feature}]";
        var limit = Bound is null ? "" : Bound.Max is { } max ? $" (max {max:0.###})" : Bound.Min is { } min ? $" (min {min:0.###})" : "";
        var value = Median is { } median ? median.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "not computable";
        return $"{name}={value}{limit} {State}";
    }
}

/// <summary>How an interval or a metric stands.</summary>
public static class Verdicts
{
    public const string NoData = "no-data";
    public const string Clean = "clean";
    public const string Watch = "watch";
    public const string Breach = "breach";
    public const string Critical = "critical";
    public const string Unbounded = "unbounded";
}
