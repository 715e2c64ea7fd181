namespace ControlPlane.Grains;

/// <summary>One line of the budget list: the limit, the spend so far and where the forecast puts it at the period's end.</summary>
[GenerateSerializer, Immutable]
public sealed record BudgetSummary(
    [Id(0)] string Name,
    [Id(1)] double Limit,
    [Id(2)] string Period,
    [Id(3)] string Currency,
    [Id(4)] double Spend,
    [Id(5)] double? ForecastAtPeriodEnd,
    [Id(6)] bool ForecastExceedsLimit)
{
    public static BudgetSummary Of(BudgetView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Name, view.Spec.Limit, view.Spec.Period, view.Spec.Currency, view.Spend,
            view.Forecast?.ForecastAtPeriodEnd, view.Forecast?.ForecastExceedsLimit ?? false);
    }
}
