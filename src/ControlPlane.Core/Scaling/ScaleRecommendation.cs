namespace ControlPlane.Core.Scaling;

/// <summary>What the scaling rule recommended at one moment; kept for the scale-down stabilization window.</summary>
[GenerateSerializer, Immutable]
public sealed record ScaleRecommendation([Id(0)] DateTimeOffset At, [Id(1)] int Replicas);
