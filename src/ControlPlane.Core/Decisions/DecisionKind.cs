namespace ControlPlane.Core.Decisions;

/// <summary>The kinds of decision the plane records; the value of the <c>Decision-Kind</c> trailer.</summary>
public static class DecisionKind
{
    public const string Register = "register";
    public const string Update = "update";
    public const string Scale = "scale";
    public const string Rollout = "rollout";
    public const string Promote = "promote";
    public const string Rollback = "rollback";

    /// <summary>A push found that others had changed files the plane owns; its desired state won.</summary>
    public const string Conflict = "conflict";

    /// <summary>A cost recommendation applied by an operator.</summary>
    public const string Recommendation = "recommendation";

    /// <summary>A budget's spend crossed one of its thresholds in the current period (an event: no commit).</summary>
    public const string BudgetThreshold = "budget-threshold";

    /// <summary>A budget's forecast at period end exceeded its limit (an event: no commit).</summary>
    public const string BudgetForecast = "budget-forecast";

    /// <summary>An hour of budget spend (or model utilization) far from what its history predicts (an event: no commit).</summary>
    public const string CostAnomaly = "cost-anomaly";
}
