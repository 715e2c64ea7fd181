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

    /// <summary>The rollout under analysis, if any.</summary>
    [Id(15)] public RolloutProgress? Rollout { get; init; }

    /// <summary>The current stable release: what a rollback returns to.</summary>
    [Id(16)] public Release? Stable { get; init; }

    /// <summary>Releases that were stable and not rolled back, oldest first, bounded.</summary>
    [Id(17)] public IReadOnlyList<Release> Releases { get; init; } = [];

    /// <summary>Versions rolled back, refused again under the same alignment report.</summary>
    [Id(18)] public Dictionary<string, FailedVersion> Failed { get; init; } = [];

    /// <summary>Drift and quality values for the candidate since the last analysis interval.</summary>
    [Id(19)] public IReadOnlyList<QualityObservation> Interval { get; init; } = [];

    /// <summary>The last refused scale (replicas and reason), so that repeated refusals are logged once.</summary>
    [Id(20)] public string? LastRefusal { get; init; }

    /// <summary>What the model cost per UTC hour, the last week.</summary>
    [Id(21)] public HourlySpendLedger Spend { get; init; } = HourlySpendLedger.Empty;

    /// <summary>Hourly GPU utilization from the samples, the last week: what cost recommendations read.</summary>
    [Id(22)] public HourlyUtilization Utilization { get; init; } = HourlyUtilization.Empty;

    /// <summary>Demand per minute folded into the online forecast that predictive scaling reads.</summary>
    [Id(23)] public DemandFit Demand { get; init; } = DemandFit.Empty;

    /// <summary>Hours before this were judged for utilization anomalies; each hour is judged once, when it is complete.</summary>
    [Id(24)] public DateTimeOffset? UtilizationCheckedUntil { get; init; }

    /// <summary>The model before the decision whose commit is owed; what a commit-time policy denial restores.</summary>
    [Id(25)] public ModelRestorePoint? PendingRestore { get; init; }
}
