namespace ControlPlane.Policies;

/// <summary>What the policies say about a set of objects: denials block the commit, warnings and audits are only reported.</summary>
public sealed record PolicyVerdict(IReadOnlyList<PolicyViolation> Denials, IReadOnlyList<PolicyViolation> Warnings, IReadOnlyList<PolicyViolation> Audits)
{
    public bool Allowed => Denials.Count == 0;
}
