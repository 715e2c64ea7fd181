namespace ControlPlane.Core.Rollout;

/// <summary>One value of one quality metric for the version under analysis, optionally per feature.</summary>
[GenerateSerializer, Immutable]
public sealed record QualityObservation([Id(0)] string Metric, [Id(1)] string? Feature, [Id(2)] double Value, [Id(3)] DateTimeOffset At);
