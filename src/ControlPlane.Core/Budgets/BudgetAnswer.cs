namespace ControlPlane.Core.Budgets;

/// <summary>A budget's answer to a proposed scale-up: how many replicas it allows, and the projection behind it.</summary>
[GenerateSerializer, Immutable]
public sealed record BudgetAnswer(
    [Id(0)] int AllowedReplicas,
    [Id(1)] double ProjectedSpend,
    [Id(2)] double Limit,
    [Id(3)] bool OverLimit,
    [Id(4)] string Enforcement,
    [Id(5)] string Explanation);
