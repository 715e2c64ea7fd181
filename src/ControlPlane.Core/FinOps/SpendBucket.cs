namespace ControlPlane.Core.FinOps;

/// <summary>What was spent in the UTC hour starting at <see cref="HourStart"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record SpendBucket([Id(0)] DateTimeOffset HourStart, [Id(1)] double Amount);
