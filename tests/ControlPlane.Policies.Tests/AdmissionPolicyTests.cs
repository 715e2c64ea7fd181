using ControlPlane.Policies.Tests.Fixtures;

namespace ControlPlane.Policies.Tests;

public sealed class AdmissionPolicyTests
{
    private static PolicySet Load(string spec, string actions = "Deny") => PolicySet.Load(
    [
        new PolicyFile("policies/p.yaml", $"""
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata: {"{"} name: p {"}"}
            spec:
              matchConstraints: {"{"} resourceRules: [{PolicyFiles.Everything}] {"}"}
            {spec}
            ---
            {PolicyFiles.Binding("p", actions)}
            """),
    ]);

    [Fact]
    public void Variables_ComposeInOrder_AndAreVisibleToMessages()
    {
        var policies = Load("""
              variables:
                - { name: replicas, expression: "object.spec.replicas" }
                - { name: doubled, expression: "variables.replicas * 2" }
              validations:
                - expression: "variables.doubled < 4"
                  messageExpression: "'twice ' + string(variables.replicas) + ' is ' + string(variables.doubled)"
            """);

        var verdict = policies.Evaluate([Manifests.Deployment()]);

        Assert.Null(Assert.Single(policies.Policies).Error);
        Assert.Equal("twice 2 is 4", Assert.Single(verdict.Denials).Message);
    }

    [Fact]
    public void Variables_OneThatFails_IsNamedInTheDenialOfWhatUsesIt()
    {
        var policies = Load("""
              variables:
                - { name: broken, expression: "object.spec.replicas / 0" }
              validations:
                - expression: "variables.broken > 1"
            """);

        var message = Assert.Single(policies.Evaluate([Manifests.Deployment()]).Denials).Message;

        Assert.Contains("variable 'broken' failed: Cannot divide value by zero.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_OneThatFailsButIsUnused_DoesNotDeny()
    {
        var policies = Load("""
              variables:
                - { name: broken, expression: "object.spec.nope" }
              validations:
                - expression: "object.kind != ''"
            """);

        Assert.True(policies.Evaluate([Manifests.Deployment()]).Allowed);
    }

    [Fact]
    public void Variables_DefinedTwice_PolicyIsBroken()
    {
        var policies = Load("""
              variables:
                - { name: x, expression: "1" }
                - { name: x, expression: "2" }
              validations: [{ expression: "true" }]
            """);

        Assert.Equal("variable 'x' is defined twice", Assert.Single(policies.Policies).Error);
    }

    [Theory]
    [InlineData("object.kind == 'Deployment'", 1)]
    [InlineData("object.kind == 'Service'", 0)]
    public void MatchConditions_False_PolicyDoesNotApply(string condition, int denials)
    {
        var policies = Load($"""
              matchConditions:
                - {"{"} name: only, expression: "{condition}" {"}"}
              validations: [{"{"} expression: "false" {"}"}]
            """);

        Assert.Equal(denials, policies.Evaluate([Manifests.Deployment()]).Denials.Count);
    }

    [Fact]
    public void MatchConditions_Erroring_Denies()
    {
        var policies = Load("""
              matchConditions:
                - { name: shaky, expression: "object.spec.nope == 1" }
              validations: [{ expression: "true" }]
            """);

        var message = Assert.Single(policies.Evaluate([Manifests.Deployment()]).Denials).Message;

        Assert.StartsWith("policy 'p' could not evaluate match condition 'shaky'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validations_EachFalseOne_IsItsOwnViolation()
    {
        var policies = Load("""
              validations:
                - { expression: "false", message: "one" }
                - { expression: "true", message: "two" }
                - { expression: "false", message: "three" }
            """);

        Assert.Equal(["one", "three"], policies.Evaluate([Manifests.Deployment()]).Denials.Select(d => d.Message));
    }

    [Fact]
    public void Validations_MacroVariableNamedLikeARootVariable_DoesNotCompile()
    {
        var policies = Load("""
              validations:
                - expression: "object.spec.template.spec.containers.all(object, has(object.name))"
            """);

        Assert.Contains("names a macro variable 'object'", Assert.Single(policies.Policies).Error, StringComparison.Ordinal);
    }
}
