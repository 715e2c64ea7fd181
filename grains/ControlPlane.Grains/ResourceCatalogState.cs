namespace ControlPlane.Grains;

/// <summary>What a resource catalog persists: the names of one kind of resource.</summary>
[GenerateSerializer]
public sealed record ResourceCatalogState
{
    [Id(0)] public HashSet<string> Names { get; init; } = [];
}
