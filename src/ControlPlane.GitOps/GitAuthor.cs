namespace ControlPlane.GitOps;

/// <summary>Who the control plane's commits are authored and committed by.</summary>
public sealed record GitAuthor(string Name = "ControlPlane", string Email = "controlplane@localhost")
{
    public static GitAuthor Default { get; } = new();
}
