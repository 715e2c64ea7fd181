namespace ControlPlane.Grains;

/// <summary>What the decision feed persists: the most recent decisions, oldest first.</summary>
[GenerateSerializer]
public sealed record DecisionFeedState
{
    [Id(0)] public IReadOnlyList<Decision> Decisions { get; init; } = [];
}
