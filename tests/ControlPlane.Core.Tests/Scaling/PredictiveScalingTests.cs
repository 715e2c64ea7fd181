using ControlPlane.Core.Forecasting;
using ControlPlane.Core.Scaling;
using ControlPlane.Core.Tests.Forecasting;

namespace ControlPlane.Core.Tests.Scaling;

public class PredictiveScalingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly PredictiveScalingParameters Lead6 = new(6, 1.28);

    // 10 load units per replica at a 70% target: 7 units of demand per replica.
    private static PredictiveScalingInput Input(int current, double? utilization, HoltWintersForecast forecast, int min = 1, int max = 30,
        IReadOnlyList<ScaleRecommendation>? history = null, DateTimeOffset? at = null) =>
        new(Fixtures.Spec(min, max) with { RequestsPerSecondPerReplica = 10 }, current, utilization, forecast, Lead6, history ?? [], at ?? Now);

    private static HoltWintersForecast Flat(double demand, double error = 0) =>
        new(Enumerable.Range(1, 6).Select(h => new ForecastPoint(h, demand, error)).ToList(), ForecastBasis.Fitted);

    [Fact]
    public void Decide_SeasonalPeakWithinLeadTime_ScalesUpBeforeLoadRises()
    {
        var parameters = new HoltWintersParameters(0.3, 0.1, 0.2, 0.98, SeasonalSeries.Season);
        // Stop on a rising zero crossing of the season: demand is at its mean now and peaks 6 steps later.
        var series = SeasonalSeries.Generate(5 * SeasonalSeries.Season, trend: 0);
        var state = series.Aggregate(HoltWintersState.Empty, (s, y) => HoltWinters.Update(s, parameters, y));
        var current = (int)Math.Ceiling(series[^1] / 7);
        var utilization = series[^1] / (current * 10) * 100;

        var decision = PredictiveScaling.Decide(Input(current, utilization, HoltWinters.Forecast(state, parameters, 6)));

        Assert.Equal(current.ToString(System.Globalization.CultureInfo.InvariantCulture), decision.Inputs["reactiveProposal"]);
        Assert.True(decision.DesiredReplicas >= 17, $"{decision.DesiredReplicas}: {decision.Reason}"); // the peak ≈ 119 needs 17
    }

    [Fact]
    public void Decide_ForecastBelowReactiveProposal_FollowsReactive()
    {
        var decision = PredictiveScaling.Decide(Input(4, 140, Flat(10)));

        Assert.Equal(8, decision.DesiredReplicas);
    }

    [Fact]
    public void Decide_HeadroomFromForecastError_AddsReplicas()
    {
        var tight = PredictiveScaling.Decide(Input(1, null, Flat(70)));
        var loose = PredictiveScaling.Decide(Input(1, null, Flat(70, error: 10)));

        Assert.Equal(10, tight.DesiredReplicas);
        Assert.Equal(12, loose.DesiredReplicas); // ceil((70 + 1.28 × 10) / 7)
    }

    [Fact]
    public void Decide_OscillatingForecast_ScalesUpOnceAndDoesNotFlap()
    {
        // At 30% utilization the reactive rule alone would go down; the forecast swings between 15 and 7 replicas.
        var (replicas, history, changes) = (10, (IReadOnlyList<ScaleRecommendation>)[], 0);
        for (var i = 0; i < 10; i++)
        {
            var decision = PredictiveScaling.Decide(Input(replicas, 30, Flat(i % 2 == 0 ? 105 : 49), history: history, at: Now.AddSeconds(30 * i)));
            changes += decision.Changes ? 1 : 0;
            (replicas, history) = (decision.DesiredReplicas, decision.History);
        }

        Assert.Equal(15, replicas);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Decide_LowForecastAfterStabilizationWindow_ScalesDown()
    {
        var history = new List<ScaleRecommendation> { new(Now.AddSeconds(-301), 15) };

        var decision = PredictiveScaling.Decide(Input(15, 10, Flat(14), history: history));

        Assert.Equal(3, decision.DesiredReplicas); // reactive ceil(15 × 10/70) = 3 over forecast ceil(14/7) = 2
    }

    [Fact]
    public void Decide_ForecastAboveMax_ClampsToMax()
    {
        var decision = PredictiveScaling.Decide(Input(4, 70, Flat(1_000), max: 8));

        Assert.Equal(8, decision.DesiredReplicas);
        Assert.Contains("clamped to [1, 8]", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ForecastNearZero_ClampsToMin()
    {
        var decision = PredictiveScaling.Decide(Input(2, 5, Flat(0), min: 2));

        Assert.Equal(2, decision.DesiredReplicas);
    }

    [Fact]
    public void Decide_NoForecast_FallsBackToReactiveWithReason()
    {
        var decision = PredictiveScaling.Decide(Input(4, 105, HoltWintersForecast.None));

        Assert.Equal(6, decision.DesiredReplicas);
        Assert.Contains("no forecast yet", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SpecWithoutCapacity_FallsBackToReactiveWithReason()
    {
        var input = Input(4, 70, Flat(1_000)) with { Spec = Fixtures.Spec() };

        var decision = PredictiveScaling.Decide(input);

        Assert.Equal(4, decision.DesiredReplicas);
        Assert.Contains("no per-replica capacity", decision.Reason, StringComparison.Ordinal);
    }
}
