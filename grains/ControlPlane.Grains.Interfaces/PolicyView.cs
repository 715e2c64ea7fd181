namespace ControlPlane.Grains;

/// <summary>One policy under <c>policies/</c>: what it checks, how it is enforced, and whether it is broken.</summary>
[GenerateSerializer, Immutable]
public sealed record PolicyView(
    [Id(0)] string Name,
    [Id(1)] string Path,
    [Id(2)] IReadOnlyList<string> ValidationActions,
    [Id(3)] IReadOnlyList<string> Kinds,
    [Id(4)] int Validations,
    [Id(5)] string? Error);
