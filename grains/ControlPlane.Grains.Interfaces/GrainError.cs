namespace ControlPlane.Grains;

/// <summary>A refusal with a reason word and a sentence for the caller; errors are values, not exceptions.</summary>
[GenerateSerializer, Immutable]
public sealed record GrainError([Id(0)] string Code, [Id(1)] string Detail, [Id(2)] IReadOnlyList<string>? Messages = null)
{
    public const string PolicyDenied = "PolicyDenied";
    public const string UnknownCluster = "UnknownCluster";
    public const string UnknownBudget = "UnknownBudget";
    public const string NoGpuPool = "NoGpuPool";
    public const string InsufficientCapacity = "InsufficientCapacity";
    public const string NotRegistered = "NotRegistered";
    public const string UnknownVersion = "UnknownVersion";
    public const string RolloutConflict = "RolloutConflict";
    public const string UnknownRecommendation = "UnknownRecommendation";
    public const string BudgetExceeded = "BudgetExceeded";
    public const string NotApplicable = "NotApplicable";

    /// <summary>The decision is stored and its commit is retried, but it is not on the branch yet: not a success.</summary>
    public const string CommitPending = "CommitPending";

    /// <summary>Codes that mean the request contradicts current state (409) rather than being malformed.</summary>
    public static readonly string[] Conflicts = [InsufficientCapacity, RolloutConflict, BudgetExceeded, NotApplicable];
}
