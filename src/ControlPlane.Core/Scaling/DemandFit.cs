using ControlPlane.Core.Forecasting;

namespace ControlPlane.Core.Scaling;

/// <summary>
/// A model's demand (requests per second across its replicas) per <see cref="Interval"/>, folded into an online
/// Holt–Winters fit as each interval closes. An interval's demand is the mean per-pod request rate of its samples
/// times the replicas running; intervals without samples are skipped (no reading is not zero load), and samples
/// older than the open interval are ignored (that interval is already in the fit).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DemandFit(
    [Id(0)] HoltWintersState State,
    [Id(1)] DateTimeOffset? IntervalStart,
    [Id(2)] double Sum,
    [Id(3)] int Count)
{
    public static readonly DemandFit Empty = new(HoltWintersState.Empty, null, 0, 0);

    /// <summary>One step of the forecast: a minute, as in the autoscaling benchmark.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The benchmark's parameters (docs/benchmarks.md): α 0.3, no trend, φ 0.9, no season (γ unused), error window 120.</summary>
    public static readonly HoltWintersParameters Parameters = new(0.3, 0, 0.1, 0.9, 1, 120);

    /// <summary>Four steps of lead time (three minutes of start-up plus the next evaluation) and 1.28 σ (80%) of headroom.</summary>
    public static readonly PredictiveScalingParameters Scaling = new(4, 1.2816);

    /// <summary>Adds request-rate readings; every interval that closes on the way is folded into the fit.</summary>
    public DemandFit Add(IEnumerable<(DateTimeOffset At, double RequestsPerSecond)> readings, int replicas)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var fit = this;
        foreach (var (at, rps) in readings.Where(r => double.IsFinite(r.RequestsPerSecond)).OrderBy(r => r.At))
        {
            var start = new DateTimeOffset(at.UtcTicks - at.UtcTicks % Interval.Ticks, TimeSpan.Zero);
            if (fit.IntervalStart is { } open && start < open) continue;
            if (fit.IntervalStart is { } current && start > current) fit = fit.Close(replicas);
            fit = fit with { IntervalStart = start, Sum = fit.Sum + rps, Count = fit.Count + 1 };
        }
        return fit;
    }

    /// <summary>The demand forecast for the next <see cref="PredictiveScalingParameters.LeadSteps"/> intervals.</summary>
    public HoltWintersForecast Forecast() => HoltWinters.Forecast(State, Parameters, Scaling.LeadSteps);

    private DemandFit Close(int replicas) => Count == 0
        ? this
        : new DemandFit(HoltWinters.Update(State, Parameters, Sum / Count * Math.Max(replicas, 1)), null, 0, 0);
}
