namespace ControlPlane.Core.Rollout;

/// <summary>The reference distribution of one feature: numeric values or category counts, never both.</summary>
[GenerateSerializer, Immutable]
public sealed record FeatureReference([Id(0)] List<double>? Values = null, [Id(1)] Dictionary<string, long>? Counts = null);
