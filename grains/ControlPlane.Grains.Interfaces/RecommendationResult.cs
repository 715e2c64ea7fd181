namespace ControlPlane.Grains;

/// <summary>An applied recommendation with the model after it and the decision that carries it, or why it was refused.</summary>
[GenerateSerializer, Immutable]
public sealed record RecommendationResult(
    [Id(0)] Recommendation? Recommendation,
    [Id(1)] ModelView? Model,
    [Id(2)] Decision? Decision,
    [Id(3)] GrainError? Error);
