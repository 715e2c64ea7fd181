namespace ControlPlane.Core.FinOps;

/// <summary>
/// Thresholds of <see cref="CostRecommender"/>. Defaults: rightsize when p95 utilization is under half the target;
/// at least 24 observed hours before any utilization-based advice; idle after 24 hours without load; a new GPU type
/// must carry p95 at no more than 80% of the target. <see cref="RelativeCapacity"/> (GPU type → throughput relative to
/// any common unit) is empty by default: without measured numbers the plane does not guess that a cheaper GPU will do.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RecommendationOptions(
    [Id(0)] double LowUtilizationFraction = 0.5,
    [Id(1)] int MinObservedHours = 24,
    [Id(2)] TimeSpan? IdleAfter = null,
    [Id(3)] double GpuTypeMargin = 0.8,
    [Id(4)] IReadOnlyDictionary<string, double>? RelativeCapacity = null)
{
    public static readonly TimeSpan DefaultIdleAfter = TimeSpan.FromHours(24);

    public static readonly RecommendationOptions Default = new();

    public TimeSpan IdlePeriod => IdleAfter ?? DefaultIdleAfter;

    public double? CapacityOf(string gpuType) =>
        RelativeCapacity is not null && RelativeCapacity.TryGetValue(gpuType, out var c) && c > 0 ? c : null;
}
