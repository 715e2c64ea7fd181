namespace ControlPlane.Grains;

/// <summary>What a cluster grain persists.</summary>
[GenerateSerializer]
public sealed record ClusterState
{
    [Id(0)] public ClusterSpec? Spec { get; init; }
    [Id(1)] public IReadOnlyList<GpuReservation> Reservations { get; init; } = [];
    [Id(2)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What the cluster's models cost per UTC hour, the last two days.</summary>
    [Id(3)] public HourlySpendLedger Spend { get; init; } = HourlySpendLedger.Empty;
}
