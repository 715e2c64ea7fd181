namespace ControlPlane.Core.FinOps;

/// <summary>A budget's spend so far in its period and where it is heading by the period's end.</summary>
[GenerateSerializer, Immutable]
public sealed record SpendForecast(
    [Id(0)] DateTimeOffset PeriodStart,
    [Id(1)] DateTimeOffset PeriodEnd,
    [Id(2)] double Limit,
    [Id(3)] string Currency,
    [Id(4)] double SpendToDate,
    [Id(5)] double BurnRatePerHour,
    [Id(6)] double ForecastAtPeriodEnd,
    [Id(7)] SpendInterval? Interval80,
    [Id(8)] SpendInterval? Interval95,
    [Id(9)] string Method,
    [Id(10)] IReadOnlyList<ThresholdStatus> Thresholds,
    [Id(11)] bool ForecastExceedsLimit,
    [Id(12)] double HoursRemaining,
    [Id(13)] string Explanation)
{
    /// <summary>
    /// The average hourly spend the forecast expects for the rest of the period, so that spend to date plus this rate
    /// times the hours remaining is the forecast. <see cref="BurnRatePerHour"/> is what the last 24 hours cost; this is
    /// what the forecast assumes from now on. Derived from the forecast, so it cannot disagree with it.
    /// </summary>
    public double ForecastRatePerHour => HoursRemaining > 0 ? (ForecastAtPeriodEnd - SpendToDate) / HoursRemaining : 0;
}

/// <summary>A range the end-of-period spend is expected to fall in at the stated confidence.</summary>
[GenerateSerializer, Immutable]
public sealed record SpendInterval([Id(0)] double Low, [Id(1)] double High);

/// <summary>One alert threshold of a budget and whether actual spend, or the forecast, has reached it.</summary>
[GenerateSerializer, Immutable]
public sealed record ThresholdStatus(
    [Id(0)] double Percent,
    [Id(1)] double Amount,
    [Id(2)] bool CrossedBySpend,
    [Id(3)] bool CrossedByForecast);

/// <summary>How a forecast was made; the value of <see cref="SpendForecast.Method"/>.</summary>
public static class ForecastMethod
{
    /// <summary>Per-hour-of-day profile scaled to the recent level (two days of history or more).</summary>
    public const string SeasonalDaily = "seasonal-daily";

    /// <summary>The recent hourly average carried forward (less than two days of history).</summary>
    public const string FlatBurnRate = "flat-burn-rate";

    /// <summary>Nothing spent yet: the forecast is the spend to date.</summary>
    public const string NoHistory = "no-history";
}
