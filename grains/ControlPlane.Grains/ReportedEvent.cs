namespace ControlPlane.Grains;

/// <summary>The key of a FinOps event already reported, and when, so it is never reported twice.</summary>
[GenerateSerializer, Immutable]
public sealed record ReportedEvent([Id(0)] string Key, [Id(1)] DateTimeOffset At);
