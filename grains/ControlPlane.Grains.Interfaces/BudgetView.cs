namespace ControlPlane.Grains;

/// <summary>
/// A budget's limit and the spend accrued in its current period. <see cref="BurnRatePerHour"/> and
/// <see cref="ProjectedSpend"/> come from the models' current hourly rates; <see cref="Forecast"/> from the hourly
/// spend history (burn rate over the last 24 hours, forecast with intervals, thresholds).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BudgetView(
    [Id(0)] string Name,
    [Id(1)] BudgetSpec Spec,
    [Id(2)] DateTimeOffset PeriodStart,
    [Id(3)] double Spend,
    [Id(4)] double Remaining,
    [Id(5)] IReadOnlyDictionary<string, double> SpendByModel,
    [Id(6)] DateTimeOffset UpdatedAt,
    [Id(7)] double BurnRatePerHour = 0,
    [Id(8)] double ProjectedSpend = 0,
    [Id(9)] DateTimeOffset? PeriodEnd = null,
    [Id(10)] SpendForecast? Forecast = null,
    [Id(11)] IReadOnlyList<Anomaly>? Anomalies = null);
