namespace ControlPlane.GitOps;

/// <summary>What one push attempt achieved: commits pushed, commits replayed onto others' work, files of ours others had changed.</summary>
public sealed record PushOutcome(bool Succeeded, int Pushed, int Replayed, IReadOnlyList<string> Overwritten, string? Error)
{
    public static PushOutcome Failed(string error) => new(false, 0, 0, [], error);
}
