namespace ControlPlane.Grains;

/// <summary>A cluster's GPU pools, who holds which GPUs, and what its models spent over the last 24 hours, hour by hour.</summary>
[GenerateSerializer, Immutable]
public sealed record ClusterView(
    [Id(0)] string Name,
    [Id(1)] ClusterSpec Spec,
    [Id(2)] IReadOnlyList<GpuReservation> Reservations,
    [Id(3)] DateTimeOffset UpdatedAt,
    [Id(4)] double SpendLast24Hours = 0,
    [Id(5)] IReadOnlyList<SpendBucket>? HourlySpend = null);
