namespace ControlPlane.Grains;

/// <summary>What the model catalog persists: one summary per model id.</summary>
[GenerateSerializer]
public sealed record ModelCatalogState
{
    [Id(0)] public Dictionary<string, ModelSummary> Models { get; init; } = [];
}
