using ControlPlane.Core.Budgets;
using ControlPlane.Core.FinOps;

namespace ControlPlane.Core.Tests.FinOps;

public class SpendForecasterTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static HourlySpendLedger Ledger(DateTimeOffset start, IEnumerable<double> hourly) =>
        new(hourly.Select((v, i) => new SpendBucket(start.AddHours(i), v)).ToList());

    [Fact]
    public void Forecast_NoHistory_IsZeroWithoutInterval()
    {
        var forecast = SpendForecaster.Forecast(new BudgetSpec(1000), HourlySpendLedger.Empty, November.AddDays(3));

        Assert.Equal(ForecastMethod.NoHistory, forecast.Method);
        Assert.Equal(0, forecast.ForecastAtPeriodEnd);
        Assert.Null(forecast.Interval80);
        Assert.All(forecast.Thresholds, t => Assert.False(t.CrossedBySpend || t.CrossedByForecast));
    }

    [Fact]
    public void Forecast_UnderTwoDaysOfSteadySpend_CarriesTheBurnRateFlat()
    {
        // 30 hours at 10/h into a 720-hour November: 300 + 10 × 690.
        var forecast = SpendForecaster.Forecast(new BudgetSpec(10_000), Ledger(November, Enumerable.Repeat(10.0, 30)), November.AddHours(30));

        Assert.Equal(ForecastMethod.FlatBurnRate, forecast.Method);
        Assert.Equal(300, forecast.SpendToDate, 6);
        Assert.Equal(10, forecast.BurnRatePerHour, 6);
        Assert.Equal(7200, forecast.ForecastAtPeriodEnd, 6);
        Assert.Equal(7200, forecast.Interval95!.High, 6);
    }

    [Fact]
    public void Forecast_SpendAccruedAtTheTopOfTheHour_CountsItToDate()
    {
        var now = November.AddDays(14).AddHours(12);
        var ledger = HourlySpendLedger.Empty.Accrue(6, now, now); // an instant's cost, stamped exactly on the hour

        var forecast = SpendForecaster.Forecast(new BudgetSpec(10), ledger, now);

        Assert.Equal(6, forecast.SpendToDate, 9);
        Assert.True(Assert.Single(forecast.Thresholds, t => t.Percent == 50).CrossedBySpend);
    }

    [Fact]
    public void Forecast_DailyPattern_ProjectsTheRemainingHoursOfEachDay()
    {
        // 2/h at night, 10/h from 08:00 to 20:00; weekly budget, now Thursday 12:00 with 84 hours left.
        static double Pattern(int hour) => hour is >= 8 and < 20 ? 10 : 2;
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var start = now.AddDays(-10);
        var ledger = Ledger(start, Enumerable.Range(0, 240).Select(i => Pattern(start.AddHours(i).Hour)));

        var forecast = SpendForecaster.Forecast(new BudgetSpec(10_000, "weekly"), ledger, now);

        // Spent Monday–Wednesday (3 × 144) plus Thursday morning (8 × 2 + 4 × 10); left: 8 × 10 + 4 × 2, then 3 × 144.
        Assert.Equal(ForecastMethod.SeasonalDaily, forecast.Method);
        Assert.Equal(3 * 144 + 56, forecast.SpendToDate, 6);
        Assert.Equal(3 * 144 + 56 + 88 + 3 * 144, forecast.ForecastAtPeriodEnd, 6);
    }

    [Fact]
    public void Forecast_HalfThroughAnHour_CountsOnlyTheRestOfIt()
    {
        // Steady 4/h for three days; at 10:30 half the hour's 4 has been spent, so 2 + 13.5 × 4 remain in a daily period.
        var now = new DateTimeOffset(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);
        var ledger = HourlySpendLedger.Empty.Accrue(4 * 82.5, now.AddHours(-82.5), now);

        var forecast = SpendForecaster.Forecast(new BudgetSpec(1000, "daily"), ledger, now);

        Assert.Equal(42, forecast.SpendToDate, 6);
        Assert.Equal(42 + 13.5 * 4, forecast.ForecastAtPeriodEnd, 6);
    }

    [Fact]
    public void Forecast_JustAfterPeriodStart_ExcludesLastPeriodButLearnsFromIt()
    {
        var december = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var ledger = HourlySpendLedger.Empty.Accrue(10 * 720.5, November, december.AddMinutes(30));

        var forecast = SpendForecaster.Forecast(new BudgetSpec(10_000), ledger, december.AddMinutes(30));

        Assert.Equal(december, forecast.PeriodStart);
        Assert.Equal(5, forecast.SpendToDate, 6);
        Assert.Equal(5 + 10 * 743.5, forecast.ForecastAtPeriodEnd, 6);
    }

    [Fact]
    public void Forecast_SpendPastHalfAndForecastPastLimit_ReportsEachThreshold()
    {
        // 600 spent in 60 hours of a 720-hour month heads for 7200 against a 1000 limit.
        var forecast = SpendForecaster.Forecast(new BudgetSpec(1000), Ledger(November, Enumerable.Repeat(10.0, 60)), November.AddHours(60));

        Assert.Equal([true, false, false], forecast.Thresholds.Select(t => t.CrossedBySpend));
        Assert.Equal([true, true, true], forecast.Thresholds.Select(t => t.CrossedByForecast));
        Assert.True(forecast.ForecastExceedsLimit);
        Assert.Equal(800, forecast.Thresholds[1].Amount);
    }

    [Fact]
    public void Forecast_BudgetsOwnSpendGiven_StartsFromItAndJudgesThresholdsByIt()
    {
        // The ledger saw 300 in the period; the budget enforces 600 (e.g. cost settled at its period's boundary).
        var forecast = SpendForecaster.Forecast(new BudgetSpec(1000), Ledger(November, Enumerable.Repeat(10.0, 30)), November.AddHours(30),
            spendToDate: 600);

        Assert.Equal(600, forecast.SpendToDate);
        Assert.Equal(600 + 10 * 690, forecast.ForecastAtPeriodEnd, 6);
        Assert.True(forecast.Thresholds[0].CrossedBySpend);
    }

    [Theory]
    [InlineData(30)]   // flat burn rate
    [InlineData(240)]  // seasonal
    public void ForecastRatePerHour_AnyMethod_TimesHoursLeftAddsUpToTheForecast(int hours)
    {
        var ledger = Ledger(November, Enumerable.Range(0, hours).Select(i => i % 24 is >= 8 and < 20 ? 10.0 : 2.0));

        var forecast = SpendForecaster.Forecast(new BudgetSpec(10_000), ledger, November.AddHours(hours).AddMinutes(20));

        Assert.Equal(forecast.ForecastAtPeriodEnd, forecast.SpendToDate + forecast.ForecastRatePerHour * forecast.HoursRemaining, 6);
    }

    [Fact]
    public void ForecastRatePerHour_NoHistory_IsZero() =>
        Assert.Equal(0, SpendForecaster.Forecast(new BudgetSpec(1000), HourlySpendLedger.Empty, November.AddDays(3)).ForecastRatePerHour);

    [Fact]
    public void Forecast_CustomThresholds_AreUsed()
    {
        var options = new SpendForecastOptions(ThresholdPercents: [25]);

        var forecast = SpendForecaster.Forecast(new BudgetSpec(1000), Ledger(November, [300]), November.AddHours(1), options);

        Assert.True(Assert.Single(forecast.Thresholds).CrossedBySpend);
    }

    [Fact]
    public void Forecast_FewerCompleteHoursThanBacktestNeeds_HasNoInterval()
    {
        var forecast = SpendForecaster.Forecast(new BudgetSpec(1000), Ledger(November, [1, 2, 3]), November.AddHours(3));

        Assert.Equal(ForecastMethod.FlatBurnRate, forecast.Method);
        Assert.Null(forecast.Interval80);
    }

    [Fact]
    public void Forecast_NoisyHistoryNearPeriodEnd_LowerBoundNeverBelowSpendToDate()
    {
        var random = new Random(7);
        var now = new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero);
        var ledger = Ledger(now.AddDays(-5), Enumerable.Range(0, 120).Select(_ => random.NextDouble() < 0.1 ? 500 : 0.0));

        var forecast = SpendForecaster.Forecast(new BudgetSpec(100_000, "weekly"), ledger, now);

        Assert.True(forecast.Interval95!.Low >= forecast.SpendToDate);
    }

    [Fact]
    public void Forecast_SimulatedSeasonalSpend_EightyPercentIntervalCoversAboutEightyPercent()
    {
        var (covered80, _) = SimulatedCoverage(runs: 200, seed: 42);

        Assert.InRange(covered80, 0.70, 0.90);
    }

    [Fact]
    public void Forecast_SimulatedSeasonalSpend_NinetyFivePercentIntervalCoversAtLeastEightyEight()
    {
        var (_, covered95) = SimulatedCoverage(runs: 200, seed: 43);

        Assert.True(covered95 >= 0.88, $"95% interval covered {covered95:P0}");
    }

    /// <summary>Daily sine around 10/h plus N(0, 2) noise; 14 days of history, weekly budget at Thursday noon (84 h left).</summary>
    private static (double Covered80, double Covered95) SimulatedCoverage(int runs, int seed)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var start = now.AddDays(-14);
        var end = BudgetPeriod.EndOf("weekly", now);
        var hours = (int)(end - start).TotalHours;
        int in80 = 0, in95 = 0;
        for (var run = 0; run < runs; run++)
        {
            var values = Enumerable.Range(0, hours)
                .Select(i => Math.Max(0, 10 + 6 * Math.Sin(2 * Math.PI * start.AddHours(i).Hour / 24) + 2 * Gaussian(random)))
                .ToArray();
            var history = Ledger(start, values.Take((int)(now - start).TotalHours));
            var realized = Ledger(start, values).SpendInPeriod("weekly", now);

            var forecast = SpendForecaster.Forecast(new BudgetSpec(10_000, "weekly"), history, now);

            if (forecast.Interval80!.Low <= realized && realized <= forecast.Interval80.High) in80++;
            if (forecast.Interval95!.Low <= realized && realized <= forecast.Interval95.High) in95++;
        }
        return ((double)in80 / runs, (double)in95 / runs);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
