namespace ControlPlane.Grains;

/// <summary>The model as registered, or why it was refused.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationResult([Id(0)] ModelView? Model, [Id(1)] GrainError? Error, [Id(2)] bool Created);
