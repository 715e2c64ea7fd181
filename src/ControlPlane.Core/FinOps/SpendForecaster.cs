using System.Globalization;
using ControlPlane.Core.Budgets;

namespace ControlPlane.Core.FinOps;

/// <summary>
/// Forecasts a budget's spend at the end of its period from the hourly ledger. With two days of complete hours or
/// more, each remaining hour is the median of the same UTC hour-of-day over the last four weeks, scaled so the profile
/// matches the last 24 hours' spend; with less, the last 24 hours' mean. The intervals come from backtesting that same
/// method one hour ahead over the last two weeks: with one-step error σ, h hours left and the level estimated from n
/// hours, the end-of-period error has variance σ²·(h + h²/n) — independent hourly noise (σ·√h) plus the error of the
/// level itself, which repeats every hour. Bounds use z = 1.2816 (80%) and 1.96 (95%) and never go below spend to date.
/// </summary>
public static class SpendForecaster
{
    private const double Z80 = 1.2816;
    private const double Z95 = 1.96;

    /// <summary>
    /// With <paramref name="spendToDate"/>, the budget's own total for the period, spend to date, the thresholds it
    /// crosses and the forecast's start are that figure (the one the budget enforces) and the ledger gives only the
    /// rate; without it, the ledger's hours in the period.
    /// </summary>
    public static SpendForecast Forecast(BudgetSpec spec, HourlySpendLedger history, DateTimeOffset now, SpendForecastOptions? options = null,
        double? spendToDate = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(history);
        options ??= SpendForecastOptions.Default;
        var periodStart = BudgetPeriod.StartOf(spec.Period, now);
        var periodEnd = BudgetPeriod.EndOf(spec.Period, now);
        var hoursLeft = BudgetPeriod.HoursLeft(spec.Period, now);
        var nowHour = HourlySeries.HourOf(now);
        // The current hour's bucket holds only what accrued so far; at the top of the hour it starts at now itself.
        var spent = spendToDate ?? history.SpendBetween(periodStart, nowHour.AddHours(1));

        var series = history.FirstHour is { } first && first <= nowHour ? history.ToSeries(first, nowHour.AddHours(1)) : null;
        var burnRate = series is null ? 0 : BurnRate(series, now, options.RecentHours);
        var complete = series is null ? 0 : series.Values.Count - 1;
        var seasonal = complete >= options.MinSeasonalDays * 24;
        var model = series is null ? null : HourlyLevelModel.Fit(series.Values, series.Start.Hour, complete, seasonal, options);

        if (model is null)
        {
            // Under an hour of history: the burn rate of the partial hour is all there is, with no error to measure.
            var flat = spent + burnRate * hoursLeft;
            var method = burnRate > 0 ? ForecastMethod.FlatBurnRate : ForecastMethod.NoHistory;
            return Result(spec, options, periodStart, periodEnd, spent, burnRate, flat, null, null, method, hoursLeft,
                "too little history for an interval");
        }

        var remaining = RemainingSpend(model, now, periodEnd);
        var point = spent + remaining;
        var sigma = BacktestSigma(series!, complete, seasonal, options);
        SpendInterval? i80 = null, i95 = null;
        var note = "too little history for an interval";
        if (sigma is { } s)
        {
            var spread = s * Math.Sqrt(hoursLeft + hoursLeft * hoursLeft / model.LevelHours);
            i80 = new SpendInterval(Math.Max(spent, point - Z80 * spread), point + Z80 * spread);
            i95 = new SpendInterval(Math.Max(spent, point - Z95 * spread), point + Z95 * spread);
            note = string.Format(CultureInfo.InvariantCulture, "80% {0:0.##}–{1:0.##}", i80.Low, i80.High);
        }
        return Result(spec, options, periodStart, periodEnd, spent, burnRate, point, i80, i95,
            model.IsSeasonal ? ForecastMethod.SeasonalDaily : ForecastMethod.FlatBurnRate, hoursLeft, note);
    }

    /// <summary>Spend per hour over the last <paramref name="hours"/> hours up to now, counting only hours the ledger covers.</summary>
    private static double BurnRate(HourlySeries series, DateTimeOffset now, int hours)
    {
        var from = Math.Max(0, series.Values.Count - hours);
        var covered = (now - series.HourAt(from)).TotalHours;
        var sum = 0.0;
        for (var i = from; i < series.Values.Count; i++) sum += series.Values[i];
        return covered <= 0 ? 0 : sum / covered;
    }

    /// <summary>The model's expectation for what is left of this hour and every hour up to the period's end.</summary>
    private static double RemainingSpend(HourlyLevelModel model, DateTimeOffset now, DateTimeOffset periodEnd)
    {
        var total = 0.0;
        for (var hour = HourlySeries.HourOf(now); hour < periodEnd; hour = hour.AddHours(1))
        {
            var start = hour < now ? now : hour;
            var end = hour.AddHours(1) > periodEnd ? periodEnd : hour.AddHours(1);
            total += model.Predict(hour.Hour) * Math.Max(0, (end - start).TotalHours);
        }
        return total;
    }

    /// <summary>Root-mean-square one-hour-ahead error of the same method over recent complete hours, or null when too few.</summary>
    private static double? BacktestSigma(HourlySeries series, int complete, bool seasonal, SpendForecastOptions options)
    {
        var earliest = seasonal ? options.MinSeasonalDays * 24 : 1;
        var squares = 0.0;
        var count = 0;
        for (var t = Math.Max(earliest, complete - options.BacktestHours); t < complete; t++)
        {
            var fitted = HourlyLevelModel.Fit(series.Values, series.Start.Hour, t, seasonal, options);
            if (fitted is null) continue;
            var error = series.Values[t] - fitted.Predict((series.Start.Hour + t) % 24);
            squares += error * error;
            count++;
        }
        return count < options.MinBacktestPoints ? null : Math.Sqrt(squares / count);
    }

    private static SpendForecast Result(BudgetSpec spec, SpendForecastOptions options, DateTimeOffset periodStart, DateTimeOffset periodEnd,
        double spent, double burnRate, double point, SpendInterval? i80, SpendInterval? i95, string method, double hoursLeft, string note)
    {
        var thresholds = options.Thresholds
            .Select(p => new ThresholdStatus(p, spec.Limit * p / 100, spent >= spec.Limit * p / 100, point >= spec.Limit * p / 100))
            .ToList();
        var explanation = string.Format(CultureInfo.InvariantCulture,
            "spent {0:0.##} of {1:0.##} {2}; forecast {3:0.##} by {4:yyyy-MM-dd HH:mm}Z ({5}, {6})",
            spent, spec.Limit, spec.Currency, point, periodEnd, method, note);
        return new SpendForecast(periodStart, periodEnd, spec.Limit, spec.Currency, spent, burnRate, point, i80, i95, method,
            thresholds, point > spec.Limit, hoursLeft, explanation);
    }
}
