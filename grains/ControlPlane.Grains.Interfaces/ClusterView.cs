namespace ControlPlane.Grains;

/// <summary>A cluster's GPU pools and who holds which GPUs.</summary>
[GenerateSerializer, Immutable]
public sealed record ClusterView([Id(0)] string Name, [Id(1)] ClusterSpec Spec, [Id(2)] IReadOnlyList<GpuReservation> Reservations, [Id(3)] DateTimeOffset UpdatedAt);
