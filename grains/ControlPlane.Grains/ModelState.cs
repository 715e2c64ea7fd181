namespace ControlPlane.Grains;

/// <summary>What a model grain persists; ids are the storage contract and are never renumbered.</summary>
[GenerateSerializer]
public sealed record ModelState
{
    [Id(0)] public ModelSpec? Spec { get; init; }
    [Id(1)] public int Replicas { get; init; }
    [Id(2)] public string Phase { get; init; } = ModelPhase.Pending;
    [Id(3)] public string? StableVersion { get; init; }
    [Id(4)] public GpuUtilizationWindow Window { get; init; } = GpuUtilizationWindow.Empty;
    [Id(5)] public IReadOnlyList<ScaleRecommendation> History { get; init; } = [];
    [Id(6)] public IReadOnlyList<Decision> Decisions { get; init; } = [];
    [Id(7)] public DateTimeOffset RegisteredAt { get; init; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(9)] public string? LastCommitSha { get; init; }
    [Id(10)] public double? ObservedGpuUtilization { get; init; }
    [Id(11)] public DateTimeOffset? LastSampleAt { get; init; }
    [Id(12)] public double PricePerGpuHour { get; init; }
    [Id(13)] public DateTimeOffset? AccruedUntil { get; init; }

    /// <summary>The decision whose commit is still owed to Git, if any.</summary>
    [Id(14)] public string? PendingDecisionId { get; init; }
}
