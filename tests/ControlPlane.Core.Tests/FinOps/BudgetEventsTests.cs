using ControlPlane.Core.Budgets;
using ControlPlane.Core.Decisions;
using ControlPlane.Core.FinOps;

namespace ControlPlane.Core.Tests.FinOps;

public class BudgetEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 12, 30, 0, TimeSpan.Zero);

    /// <summary>A 1000 USD monthly budget that spent <paramref name="perHour"/> every hour of November so far (228.5 hours).</summary>
    private static SpendForecast Forecast(double perHour, IReadOnlyList<double>? thresholds = null)
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var ledger = new HourlySpendLedger(Enumerable.Range(0, 229).Select(i => new SpendBucket(start.AddHours(i), perHour)).ToList());
        return SpendForecaster.Forecast(new BudgetSpec(1000), ledger, Now, new SpendForecastOptions(ThresholdPercents: thresholds));
    }

    [Fact]
    public void Detect_SpendPastHalfAndForecastOverLimit_ReportsThresholdAndForecast()
    {
        var events = BudgetEvents.Detect("team-risk", Forecast(3), [], new HashSet<string>(), Now); // 687 spent, ~2160 forecast

        Assert.Equal(["threshold/2026-11-01T00:00Z/50", "forecast/2026-11-01T00:00Z"], events.Select(e => e.Key));
        Assert.Equal([DecisionKind.BudgetThreshold, DecisionKind.BudgetForecast], events.Select(e => e.Kind));
        Assert.Equal("50", events[0].Details["threshold-percent"]);
    }

    [Fact]
    public void Detect_AlreadyReported_ReportsNothingAgain()
    {
        var forecast = Forecast(3);
        var first = BudgetEvents.Detect("team-risk", forecast, [], new HashSet<string>(), Now);

        var again = BudgetEvents.Detect("team-risk", forecast, [], first.Select(e => e.Key).ToHashSet(), Now.AddMinutes(1));

        Assert.Empty(again);
    }

    [Fact]
    public void Detect_CustomThresholds_UsesThem()
    {
        var events = BudgetEvents.Detect("team-risk", Forecast(0.1, [1, 2]), [], new HashSet<string>(), Now); // 22.9 spent

        Assert.Equal(["threshold/2026-11-01T00:00Z/1", "threshold/2026-11-01T00:00Z/2"], events.Select(e => e.Key));
    }

    [Fact]
    public void Detect_Anomaly_IsKeyedByItsHour()
    {
        var anomaly = new Anomaly("spend", Now.AddHours(-2).AddMinutes(-30), 50, 1, 40, AnomalyDirection.Up, "spend 50 at ...");

        var events = BudgetEvents.Detect("team-risk", Forecast(0.1), [anomaly], new HashSet<string>(), Now);

        var reported = Assert.Single(events);
        Assert.Equal("anomaly/2026-11-10T10:00Z/up", reported.Key);
        Assert.Equal(DecisionKind.CostAnomaly, reported.Kind);
    }
}
