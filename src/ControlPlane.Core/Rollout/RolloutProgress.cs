namespace ControlPlane.Core.Rollout;

/// <summary>A rollout under analysis: the candidate, what it replaces, and the interval counters.</summary>
[GenerateSerializer, Immutable]
public sealed record RolloutProgress(
    [Id(0)] Release Candidate,
    [Id(1)] Release Stable,
    [Id(2)] DateTimeOffset StartedAt,
    [Id(3)] int CleanIntervals = 0,
    [Id(4)] int BreachedIntervals = 0,
    [Id(5)] int IntervalsAnalysed = 0,
    [Id(6)] IntervalAnalysis? LastAnalysis = null);
