namespace ControlPlane.Policies;

/// <summary>Operations over verdicts from more than one backend (the policy files and an external OPA).</summary>
public static class PolicyVerdicts
{
    /// <summary>Both verdicts' violations, <paramref name="a"/>'s first: the result is allowed only when both are.</summary>
    public static PolicyVerdict Combine(PolicyVerdict a, PolicyVerdict b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new PolicyVerdict([.. a.Denials, .. b.Denials], [.. a.Warnings, .. b.Warnings], [.. a.Audits, .. b.Audits]);
    }
}
