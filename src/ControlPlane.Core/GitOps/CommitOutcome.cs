namespace ControlPlane.Core.GitOps;

/// <summary>What the writer did with a change: the commit it made, or why it made none.</summary>
[GenerateSerializer, Immutable]
public sealed record CommitOutcome([Id(0)] string? Sha, [Id(1)] bool Committed, [Id(2)] string Note, [Id(3)] IReadOnlyList<string>? Denials = null)
{
    public bool Denied => Denials is { Count: > 0 };
}
