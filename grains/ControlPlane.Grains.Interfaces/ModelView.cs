namespace ControlPlane.Grains;

/// <summary>A model's live state as operators see it.</summary>
[GenerateSerializer, Immutable]
public sealed record ModelView(
    [Id(0)] string Id,
    [Id(1)] ModelSpec Spec,
    [Id(2)] int Replicas,
    [Id(3)] string Phase,
    [Id(4)] string? StableVersion,
    [Id(5)] double? ObservedGpuUtilization,
    [Id(6)] DateTimeOffset? LastSampleAt,
    [Id(7)] DateTimeOffset RegisteredAt,
    [Id(8)] DateTimeOffset UpdatedAt,
    [Id(9)] string? LastCommitSha,
    [Id(10)] double PricePerGpuHour,
    [Id(11)] RolloutProgress? Rollout = null,
    [Id(12)] IReadOnlyList<Release>? Releases = null,
    [Id(13)] IReadOnlyDictionary<string, FailedVersion>? FailedVersions = null,
    [Id(14)] IReadOnlyList<string>? ReferenceFeatures = null);
