namespace ControlPlane.Policies.Tests;

public sealed class PolicyVerdictsTests
{
    private static PolicyViolation Violation(string policy) => new(policy, "Deployment risk/fraud-mm", $"{policy} says no");

    [Fact]
    public void Combine_TwoVerdicts_KeepsEveryViolationInOrder()
    {
        var a = new PolicyVerdict([Violation("a-deny")], [Violation("a-warn")], []);
        var b = new PolicyVerdict([Violation("b-deny")], [], [Violation("b-audit")]);

        var combined = PolicyVerdicts.Combine(a, b);

        Assert.Equal([Violation("a-deny"), Violation("b-deny")], combined.Denials);
        Assert.Equal([Violation("a-warn")], combined.Warnings);
        Assert.Equal([Violation("b-audit")], combined.Audits);
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void Combine_DenialInEither_IsNotAllowed(bool aDenies, bool bDenies, bool allowed)
    {
        PolicyVerdict Verdict(bool denies, string policy) => new(denies ? [Violation(policy)] : [], [Violation("warn")], []);

        Assert.Equal(allowed, PolicyVerdicts.Combine(Verdict(aDenies, "a"), Verdict(bDenies, "b")).Allowed);
    }
}
