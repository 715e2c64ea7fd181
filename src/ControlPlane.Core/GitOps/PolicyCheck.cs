namespace ControlPlane.Core.GitOps;

/// <summary>What the policy gate said about a desired state: denials block it, warnings are reported.</summary>
[GenerateSerializer, Immutable]
public sealed record PolicyCheck([Id(0)] IReadOnlyList<string> Denials, [Id(1)] IReadOnlyList<string> Warnings)
{
    public bool Allowed => Denials.Count == 0;
}
