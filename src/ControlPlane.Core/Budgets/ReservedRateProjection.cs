namespace ControlPlane.Core.Budgets;

/// <summary>
/// Spend at the end of the period if every model keeps the hourly rate the budget holds for it now: the projection
/// <see cref="BudgetGuard"/> checks scale-ups against. It reads no spend history, unlike the forecast.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReservedRateProjection(
    [Id(0)] double RatePerHour,
    [Id(1)] IReadOnlyDictionary<string, double> RateByModel,
    [Id(2)] double HoursRemaining,
    [Id(3)] double ProjectedAtPeriodEnd,
    [Id(4)] bool ExceedsLimit);
