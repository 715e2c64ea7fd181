namespace ControlPlane.Policies;

/// <summary>A file under <c>policies/</c> in the repository: its path there and its text.</summary>
public sealed record PolicyFile(string Path, string Content);
