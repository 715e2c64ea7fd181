namespace ControlPlane.Grains;

/// <summary>What one analysis interval found and did.</summary>
[GenerateSerializer, Immutable]
public sealed record AnalysisReport([Id(0)] string Action, [Id(1)] IntervalAnalysis Analysis, [Id(2)] string Reason);
