namespace ControlPlane.Core.Budgets;

/// <summary>A spending limit for a team over a recurring period.</summary>
[GenerateSerializer, Immutable]
public sealed record BudgetSpec(
    [Id(0)] double Limit,
    [Id(1)] string Period = "monthly",
    [Id(2)] string Currency = "USD",
    [Id(3)] string Enforcement = BudgetEnforcement.Deny,
    [Id(4)] IReadOnlyList<double>? Thresholds = null)
{
    /// <summary>Alert thresholds in percent of the limit; 50/80/100 when none are given.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<double> ThresholdsOrDefault => Thresholds ?? FinOps.SpendForecastOptions.DefaultThresholdPercents;
}

/// <summary>What happens when a scale-up would take projected spend past the limit.</summary>
public static class BudgetEnforcement
{
    /// <summary>Cap the scale-up at what the budget allows (the default: fail closed).</summary>
    public const string Deny = "deny";

    /// <summary>Scale anyway, and say so in the decision and a metric.</summary>
    public const string Warn = "warn";

    public static readonly string[] All = [Deny, Warn];
}
