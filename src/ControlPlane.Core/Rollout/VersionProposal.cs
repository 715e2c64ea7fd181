namespace ControlPlane.Core.Rollout;

/// <summary>A new version to roll out, with the alignment report it was approved under and its reference data.</summary>
[GenerateSerializer, Immutable]
public sealed record VersionProposal(
    [Id(0)] string Version,
    [Id(1)] string Image,
    [Id(2)] string AlignmentReportId,
    [Id(3)] Dictionary<string, FeatureReference>? Reference = null);

/// <summary>An operator's request to go back: to a named earlier release, or to the last stable one.</summary>
[GenerateSerializer, Immutable]
public sealed record RollbackRequest([Id(0)] string Reason, [Id(1)] string? ToVersion = null);
