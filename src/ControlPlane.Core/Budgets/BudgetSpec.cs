namespace ControlPlane.Core.Budgets;

/// <summary>A spending limit for a team over a recurring period.</summary>
[GenerateSerializer, Immutable]
public sealed record BudgetSpec([Id(0)] double Limit, [Id(1)] string Period = "monthly", [Id(2)] string Currency = "USD");
