namespace ControlPlane.Core.FinOps;

/// <summary>A model's GPU utilization over a lookback, condensed to what the cost recommendations need.</summary>
[GenerateSerializer, Immutable]
public sealed record UtilizationSummary(
    [Id(0)] int HoursObserved,
    [Id(1)] double MeanUtilization,
    [Id(2)] double P95Utilization,
    [Id(3)] int HoursWithLoad,
    [Id(4)] DateTimeOffset? LastLoadAt)
{
    public static readonly UtilizationSummary None = new(0, 0, 0, 0, null);

    /// <summary>
    /// Summarizes hourly mean utilization (percent; NaN = not observed). An hour above <paramref name="loadFloor"/> has load,
    /// and the last load is taken at that hour's end so idleness is never claimed early.
    /// </summary>
    public static UtilizationSummary FromHourly(HourlySeries utilization, double loadFloor = 1.0)
    {
        ArgumentNullException.ThrowIfNull(utilization);
        var observed = utilization.Values.Where(double.IsFinite).ToList();
        if (observed.Count == 0) return None;
        DateTimeOffset? lastLoad = null;
        for (var i = utilization.Values.Count - 1; i >= 0 && lastLoad is null; i--)
            if (utilization.Values[i] > loadFloor) lastLoad = utilization.HourAt(i + 1);
        return new UtilizationSummary(observed.Count, observed.Average(), RobustStatistics.Quantile(observed, 0.95),
            observed.Count(v => v > loadFloor), lastLoad);
    }
}
