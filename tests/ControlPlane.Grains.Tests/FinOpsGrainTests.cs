using ControlPlane.Core.FinOps;
using ControlPlane.Testing;

namespace ControlPlane.Grains.Tests;

/// <summary>Cost per hour through model, budget and cluster grains; budget events reported exactly once; recommendations applied.</summary>
[Collection(SharedGrainCluster.Name)]
public class FinOpsGrainTests(GrainClusterFixture fixture)
{
    private readonly FakeTimeProvider _clock = fixture.Calendar.Start(TestCalendar.DefaultStart); // a test that names no date runs mid-month

    private DateTimeOffset ThisHour => HourlySeries.HourOf(fixture.Now);

    private IBudgetGrain Budget(string name) => fixture.Client.GetGrain<IBudgetGrain>(name);

    private async Task<IReadOnlyList<Decision>> FeedFor(string budget) =>
        (await fixture.Client.GetGrain<IDecisionFeedGrain>(IDecisionFeedGrain.Key).Recent(1000)).Where(d => d.Model == $"budget:{budget}").ToList();

    [Fact]
    public async Task AccrueSpend_AcrossAnHourBoundary_SplitsTheCostBetweenTheHours()
    {
        var (cluster, _) = await fixture.Infrastructure("accrue-hours");

        await fixture.Client.GetGrain<IClusterGrain>(cluster).AccrueSpend("risk/a", 3.0, ThisHour.AddMinutes(-40), ThisHour.AddMinutes(20));

        var view = await fixture.Client.GetGrain<IClusterGrain>(cluster).Get();
        Assert.Equal([ThisHour.AddHours(-1), ThisHour], view!.HourlySpend!.Select(b => b.HourStart));
        Assert.Equal([2.0, 1.0], view.HourlySpend!.Select(b => Math.Round(b.Amount, 9)));
        Assert.Equal(3.0, view.SpendLast24Hours, 9);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Scale_AfterRegistration_AccruesHourlySpendToBudgetAndCluster(string date)
    {
        var clock = fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"accrue-hourly-model-{CalendarDates.Label(date)}";
        var (cluster, budget) = await fixture.Infrastructure(name);
        var model = fixture.Client.GetGrain<IModelGrain>($"risk/{name}");
        await model.Register(GrainClusterFixture.Spec(cluster, budget));

        clock.Advance(TimeSpan.FromMinutes(10)); // ten minutes of one replica, settled by the scale decision
        await model.Observe(new GpuSampleBatch([new GpuSample($"risk/{name}", fixture.Now, 100)]));

        var budgetView = await Budget(budget).Get();
        Assert.True(budgetView!.Forecast!.SpendToDate > 0, budgetView.Forecast.Explanation);
        Assert.Equal(budgetView.Spend, budgetView.Forecast.SpendToDate, 9);
        // The cluster keeps every hour; the budget only those of its current period (a month's last minutes started a new one).
        var clusterView = await fixture.Client.GetGrain<IClusterGrain>(cluster).Get();
        Assert.Equal(10 / 60.0 * 3.2, clusterView!.SpendLast24Hours, 9);
        Assert.Equal(clusterView.HourlySpend!.Where(h => h.HourStart >= budgetView.PeriodStart).Sum(h => h.Amount), budgetView.Spend, 9);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task AccrueBetween_SpendCrossesAThreshold_ReportsItOnceInFeedAndSink(string date)
    {
        fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"events-once-{CalendarDates.Label(date)}";
        await Budget(name).Put(new BudgetSpec(10, Thresholds: [50]));

        // 60% crosses the threshold; 110% puts the forecast over the limit on any day, even in a period's last minutes.
        await Budget(name).AccrueBetween("risk/a", 6, ThisHour, fixture.Now);
        await Budget(name).AccrueBetween("risk/a", 3, ThisHour, fixture.Now);
        await Budget(name).AccrueBetween("risk/b", 2, ThisHour, fixture.Now);

        var thresholds = (await FeedFor(name)).Where(d => d.Kind == DecisionKind.BudgetThreshold).ToList();
        var threshold = Assert.Single(thresholds);
        Assert.Equal(DecisionOutcome.Observed, threshold.Outcome);
        Assert.Equal("50", threshold.Inputs!["threshold-percent"]);
        Assert.Single(fixture.FinOpsEvents.For(name), e => e.Kind == DecisionKind.BudgetThreshold);
        Assert.Single(fixture.FinOpsEvents.For(name), e => e.Kind == DecisionKind.BudgetForecast);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Get_AfterThreshold_ShowsForecastThresholdsAndIntervals(string date)
    {
        fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"forecast-view-{CalendarDates.Label(date)}";
        await Budget(name).Put(new BudgetSpec(1_000_000, Thresholds: [10, 90]));
        // Five days of 2 per hour, up to this hour: enough complete hours to backtest an interval.
        await Budget(name).AccrueBetween("risk/a", 240, ThisHour.AddDays(-5), ThisHour);

        var view = await Budget(name).Get();

        var forecast = view!.Forecast!;
        Assert.Equal([10, 90], forecast.Thresholds.Select(t => t.Percent));
        Assert.True(forecast.BurnRatePerHour > 0);
        Assert.NotNull(forecast.Interval80);
        Assert.NotNull(forecast.Interval95);
        Assert.True(forecast.Interval95!.High >= forecast.Interval80!.High);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task AccrueBetween_SpikeAfterDaysOfFlatSpend_ReportsOneAnomaly(string date)
    {
        fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"anomaly-once-{CalendarDates.Label(date)}";
        await Budget(name).Put(new BudgetSpec(1_000_000_000));
        await Budget(name).AccrueBetween("risk/a", 120, ThisHour.AddDays(-5), ThisHour); // 1 per hour

        await Budget(name).AccrueBetween("risk/a", 49, ThisHour.AddHours(-1), ThisHour.AddMinutes(-59));
        await Budget(name).AccrueBetween("risk/a", 0.1, ThisHour, fixture.Now);

        var anomaly = Assert.Single(fixture.FinOpsEvents.For(name), e => e.Kind == DecisionKind.CostAnomaly && e.Inputs!["direction"] == "up");
        Assert.Equal("50", anomaly.Inputs!["value"]);
        Assert.Contains((await Budget(name).Get())!.Anomalies!, a => a.Direction == AnomalyDirection.Up && a.Value == 50);
        Assert.Single(await FeedFor(name), d => d.Kind == DecisionKind.CostAnomaly && d.Inputs!["direction"] == "up");
    }

    [Fact]
    public async Task ApplyRecommendation_DayAtLowUtilization_RightsizesAndCommits()
    {
        var (cluster, budget) = await fixture.Infrastructure("rightsize");
        var model = fixture.Client.GetGrain<IModelGrain>("risk/rightsize");
        await model.Register(GrainClusterFixture.Spec(cluster, budget, min: 3));
        var now = fixture.Now;
        await model.Observe(new GpuSampleBatch(Enumerable.Range(0, 30).Select(h => new GpuSample("risk/rightsize", now.AddHours(-h), 10)).ToList()));
        var recommendation = Assert.Single(await model.Recommendations(), r => r.Kind == RecommendationKind.RightsizeReplicas);

        var result = await model.ApplyRecommendation(recommendation.Id);

        Assert.Null(result.Error);
        Assert.Equal(1, result.Model!.Replicas);
        Assert.Equal(1, result.Model.Spec.Replicas.Min);
        var decision = await Eventually.Until(async () => (await model.Decisions(1))[0], d => d.CommitSha is not null);
        Assert.Equal(DecisionKind.Recommendation, decision.Kind);
        Assert.Equal(recommendation.Id, decision.Inputs!["recommendation-id"]);
        Assert.Contains((await fixture.Client.GetGrain<IClusterGrain>(cluster).Get())!.Reservations, r => r.Model == "risk/rightsize" && r.Gpus == 1);
    }

    [Fact]
    public async Task ApplyRecommendation_BatchOnPoolWithSpot_MovesTheModelToSpotAtTheSpotPrice()
    {
        var (cluster, budget) = await fixture.Infrastructure("rec-spot");
        var model = fixture.Client.GetGrain<IModelGrain>("risk/rec-spot");
        await model.Register(GrainClusterFixture.Spec(cluster, budget, min: 2) with { WorkloadClass = "batch" });
        var spot = Assert.Single(await model.Recommendations(), r => r.Kind == RecommendationKind.Spot);

        var result = await model.ApplyRecommendation(spot.Id);

        Assert.Null(result.Error);
        Assert.Equal(CapacityTypes.Spot, result.Model!.Spec.CapacityType);
        Assert.Equal(1.1, result.Model.PricePerGpuHour);
        Assert.DoesNotContain(await model.Recommendations(), r => r.Kind == RecommendationKind.Spot);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Observe_HourFarAboveADayOfSteadyUtilization_RecordsOneUtilizationAnomaly(string date)
    {
        fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"util-anomaly-{CalendarDates.Label(date)}";
        var (cluster, budget) = await fixture.Infrastructure(name);
        var model = fixture.Client.GetGrain<IModelGrain>($"risk/{name}");
        await model.Register(GrainClusterFixture.Spec(cluster, budget, min: 2, max: 2));
        var lastHour = ThisHour.AddHours(-1);
        var steady = Enumerable.Range(2, 28).Select(h => new GpuSample($"risk/{name}", ThisHour.AddHours(-h).AddMinutes(30), 20));

        await model.Observe(new GpuSampleBatch([.. steady, new GpuSample($"risk/{name}", lastHour.AddMinutes(30), 95)]));
        await model.Observe(new GpuSampleBatch([new GpuSample($"risk/{name}", fixture.Now, 20)]));

        var events = fixture.FinOpsEvents.Published.Where(e => e.Model == $"risk/{name}").ToList();
        var anomaly = Assert.Single(events);
        Assert.Equal(DecisionKind.CostAnomaly, anomaly.Kind);
        Assert.Equal("gpu-utilization", anomaly.Inputs!["metric"]);
        Assert.Equal("up", anomaly.Inputs["direction"]);
        Assert.Contains(await model.Decisions(10), d => d.Id == anomaly.Id && d.Outcome == DecisionOutcome.Observed);
    }

    [Fact]
    public async Task ApplyRecommendation_NoLongerCurrent_IsRefusedAsUnknown()
    {
        var (cluster, budget) = await fixture.Infrastructure("rec-stale");
        var model = fixture.Client.GetGrain<IModelGrain>("risk/rec-stale");
        await model.Register(GrainClusterFixture.Spec(cluster, budget));

        var result = await model.ApplyRecommendation("rec-0123456789abcdef");

        Assert.Equal(GrainError.UnknownRecommendation, result.Error?.Code);
    }
}
