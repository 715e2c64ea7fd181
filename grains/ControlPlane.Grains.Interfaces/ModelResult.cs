namespace ControlPlane.Grains;

/// <summary>The model after a request, or why the request was refused.</summary>
[GenerateSerializer, Immutable]
public sealed record ModelResult([Id(0)] ModelView? Model, [Id(1)] GrainError? Error);
