namespace ControlPlane.Core.Rollout;

/// <summary>How a new version is analysed: interval, clean intervals to promote, breaches to roll back, metric bounds.</summary>
[GenerateSerializer, Immutable]
public sealed record RolloutSpec(
    [Id(0)] int IntervalSeconds = 30,
    [Id(1)] int PromoteAfter = 3,
    [Id(2)] int? ConsecutiveBreaches = null,
    [Id(3)] List<QualityBound>? Bounds = null);

/// <summary>
/// A limit on one quality metric: breached when the interval's median is below <see cref="Min"/> or above
/// <see cref="Max"/>; a critical breach rolls back at once. Bias metrics are bounded by magnitude.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QualityBound(
    [Id(0)] string Metric,
    [Id(1)] double? Min = null,
    [Id(2)] double? Max = null,
    [Id(3)] bool Critical = false,
    [Id(4)] double? Watch = null);
