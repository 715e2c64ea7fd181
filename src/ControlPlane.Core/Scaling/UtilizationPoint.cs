namespace ControlPlane.Core.Scaling;

/// <summary>A GPU utilization reading kept in a model's rolling window.</summary>
[GenerateSerializer, Immutable]
public sealed record UtilizationPoint([Id(0)] DateTimeOffset At, [Id(1)] double Utilization, [Id(2)] double? RequestsPerSecond = null);
