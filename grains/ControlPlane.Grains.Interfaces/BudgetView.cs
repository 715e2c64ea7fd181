namespace ControlPlane.Grains;

/// <summary>
/// A budget's limit and the spend accrued in its current period, with its two outlooks to the period's end:
/// <see cref="Reserved"/> (the models' current reserved rates, what scale-ups are checked against) and
/// <see cref="Forecast"/> (the hourly spend history: the last 24 hours' burn rate, the forecast with intervals,
/// thresholds). Both start from <see cref="Spend"/> and count the same hours to <see cref="PeriodEnd"/> from
/// <see cref="AsOf"/>, the plane's time they were computed at. <see cref="BurnRatePerHour"/> and
/// <see cref="ProjectedSpend"/> are kept for v1 clients: they are <c>Reserved.RatePerHour</c> (a reserved rate, not a
/// burn rate) and <c>Reserved.ProjectedAtPeriodEnd</c>.
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
    [Id(11)] IReadOnlyList<Anomaly>? Anomalies = null,
    [Id(12)] ReservedRateProjection? Reserved = null,
    [Id(13)] DateTimeOffset? AsOf = null);
