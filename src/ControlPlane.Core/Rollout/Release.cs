namespace ControlPlane.Core.Rollout;

/// <summary>A version that was (or is) the stable one: what to return to on rollback.</summary>
[GenerateSerializer, Immutable]
public sealed record Release([Id(0)] string Version, [Id(1)] string Image, [Id(2)] string AlignmentReportId, [Id(3)] DateTimeOffset At);

/// <summary>A version that was rolled back, refused again unless it comes with a new alignment report.</summary>
[GenerateSerializer, Immutable]
public sealed record FailedVersion([Id(0)] string Version, [Id(1)] string AlignmentReportId, [Id(2)] string Reason, [Id(3)] DateTimeOffset At);
