using ControlPlane.Policies.Tests.Fixtures;

namespace ControlPlane.Policies.Tests;

public sealed class PolicySetEvaluateTests
{
    [Theory]
    [InlineData("'yes'", "gave string \"yes\", not a boolean")]
    [InlineData("object.spec.replicas", "gave int 2, not a boolean")]
    [InlineData("null", "gave null, not a boolean")]
    [InlineData("object.spec", "gave a map, not a boolean")]
    public void Evaluate_ExpressionNotGivingABoolean_DeniesNamingPolicyAndResult(string expression, string why)
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("not-a-check", expression)]).Evaluate([Manifests.Deployment()]);

        var denial = Assert.Single(verdict.Denials);
        Assert.Equal(("not-a-check", "Deployment risk/fraud-mm"), (denial.Policy, denial.Object));
        Assert.Equal($"policy 'not-a-check': validation '{expression}' {why}", denial.Message);
    }

    [Theory]
    [InlineData("object.spec.replicas / 0 == 1", "Cannot divide value by zero.")]
    [InlineData("object.spec.nope == 1", "Cannot find overload to select field 'nope' in variable 'object.spec'.")]
    [InlineData("object.metadata.annotations['missing'] == 'x'", "Key out of range.")]
    [InlineData("object.metadata.name.reverse() == 'x'", "no function, variable or macro was found that matches identifier 'reverse'")]
    [InlineData("int(object.metadata.name) > 1", "Could not convert 'fraud-mm' to Int.")]
    public void Evaluate_ExpressionErroringAtRuntime_DeniesWithTheError(string expression, string error)
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("fragile", expression)]).Evaluate([Manifests.Deployment()]);

        var message = Assert.Single(verdict.Denials).Message;
        Assert.StartsWith($"policy 'fragile' could not evaluate validation '{expression}': ", message, StringComparison.Ordinal);
        Assert.Contains(error, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Deny", 1, 0, 0)]
    [InlineData("Warn", 0, 1, 0)]
    [InlineData("Audit", 0, 0, 1)]
    [InlineData("Deny, Warn", 1, 1, 0)]
    [InlineData("Warn, Audit", 0, 1, 1)]
    [InlineData("Deny, Warn, Audit", 1, 1, 1)]
    public void Evaluate_BindingActions_RouteTheViolation(string actions, int denials, int warnings, int audits)
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("no-deployments", "false", actions, message: "no")]).Evaluate([Manifests.Deployment()]);

        Assert.Equal((denials, warnings, audits), (verdict.Denials.Count, verdict.Warnings.Count, verdict.Audits.Count));
        Assert.Equal(denials == 0, verdict.Allowed);
        Assert.All(verdict.Denials.Concat(verdict.Warnings).Concat(verdict.Audits),
            v => Assert.Equal(new PolicyViolation("no-deployments", "Deployment risk/fraud-mm", "no"), v));
    }

    [Fact]
    public void Evaluate_BrokenPolicyBoundToWarnOnly_StillDenies()
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("typo", "object.(", "Warn")]).Evaluate([Manifests.Deployment()]);

        Assert.Single(verdict.Denials);
        Assert.Empty(verdict.Warnings);
    }

    [Fact]
    public void Evaluate_RuntimeErrorUnderWarnBinding_IsAWarning()
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("fragile", "1 / 0 == 1", "Warn")]).Evaluate([Manifests.Deployment()]);

        Assert.True(verdict.Allowed);
        Assert.Contains("Cannot divide value by zero.", Assert.Single(verdict.Warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PolicyFiles.Everything, 3)]
    [InlineData("""{ apiGroups: ["*"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["*"] }""", 3)]
    [InlineData("""{ apiGroups: [""], apiVersions: ["*"], operations: ["UPDATE"], resources: ["*"] }""", 2)]
    [InlineData("""{ apiGroups: [""], apiVersions: ["v1"], operations: ["*"], resources: ["services"] }""", 1)]
    [InlineData("""{ apiGroups: ["apps"], apiVersions: ["*"], operations: ["*"], resources: ["*/*"] }""", 1)]
    [InlineData("""{ apiGroups: ["apps"], apiVersions: ["v1"], operations: ["*"], resources: ["deployments/status", "deployments/*"] }""", 0)]
    [InlineData("""{ apiGroups: ["*"], apiVersions: ["*"], operations: ["DELETE", "CONNECT"], resources: ["*"] }""", 0)]
    [InlineData("""{ apiGroups: ["apps"], apiVersions: ["v1beta1"], operations: ["*"], resources: ["deployments"] }""", 0)]
    public void Evaluate_ResourceRules_SelectTheObjectsChecked(string rule, int denied)
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("deny-all", "false", rule: rule)])
            .Evaluate([Manifests.Deployment(), Manifests.Service, Manifests.ConfigMap]);

        Assert.Equal(denied, verdict.Denials.Count);
    }

    [Fact]
    public void Evaluate_ExcludeResourceRules_SkipTheExcluded()
    {
        const string text = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata: { name: all-but-configmaps }
            spec:
              matchConstraints:
                resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }]
                excludeResourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["*"], resources: ["configmaps"] }]
              validations: [{ expression: "false" }]
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata: { name: all-but-configmaps }
            spec: { policyName: all-but-configmaps, validationActions: [Deny] }
            """;

        var verdict = PolicySet.Load([new PolicyFile("policies/a.yaml", text)]).Evaluate([Manifests.Deployment(), Manifests.Service, Manifests.ConfigMap]);

        Assert.Equal(["Deployment risk/fraud-mm", "Service risk/fraud-mm"], verdict.Denials.Select(d => d.Object));
    }

    [Theory]
    [InlineData("'custom: ' + object.metadata.name", "custom: fraud-mm")]
    [InlineData("object.metadata.nope + 'x'", "static")]
    [InlineData("42", "static")]
    [InlineData("''", "static")]
    public void Evaluate_MessageExpression_UsedWhenItGivesTextElseMessage(string messageExpression, string expected)
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("m", "false", message: "static", messageExpression: messageExpression)]).Evaluate([Manifests.Deployment()]);

        Assert.Equal(expected, Assert.Single(verdict.Denials).Message);
    }

    [Fact]
    public void Evaluate_NoMessageAtAll_SaysWhichExpressionFailed()
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("m", "object.spec.replicas > 5")]).Evaluate([Manifests.Deployment()]);

        Assert.Equal("failed expression: object.spec.replicas > 5", Assert.Single(verdict.Denials).Message);
    }

    [Fact]
    public void Evaluate_RequestVariables_DescribeACreateOfTheObject()
    {
        const string expression = "request.operation == 'CREATE' && request.kind.group == 'apps' && request.kind.kind == 'Deployment' && request.resource.resource == 'deployments' && request.namespace == 'risk' && request.name == 'fraud-mm' && oldObject == null && params == null";

        var verdict = PolicySet.Load([PolicyFiles.Policy("request", expression)]).Evaluate([Manifests.Deployment()]);

        Assert.True(verdict.Allowed, string.Join("\n", verdict.Denials));
    }

    [Fact]
    public void Evaluate_ManifestHoldingSeveralDocuments_ChecksEachObject()
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("deny-all", "false", rule: PolicyFiles.Everything)])
            .Evaluate([Manifests.Deployment() + "\n---\n" + Manifests.Service + "\n---\n"]);

        Assert.Equal(["Deployment risk/fraud-mm", "Service risk/fraud-mm"], verdict.Denials.Select(d => d.Object));
    }

    [Theory]
    [InlineData("kind: [unclosed", "manifest 1 is not valid YAML")]
    [InlineData("just text", "manifest 1 holds a document that is not a Kubernetes object with apiVersion and kind")]
    [InlineData("apiVersion: v1\nmetadata: { name: x }", "manifest 1 holds a document that is not a Kubernetes object with apiVersion and kind")]
    public void Evaluate_ManifestNoPolicyCanRead_DeniedByTheGate(string manifest, string why)
    {
        var verdict = PolicySet.Load(DefaultPolicies.Files).Evaluate([manifest]);

        var denial = Assert.Single(verdict.Denials);
        Assert.Equal((PolicySet.GateName, "manifest 1"), (denial.Policy, denial.Object));
        Assert.StartsWith(why, denial.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metadata: { name: risk }", "Namespace risk")]
    [InlineData("metadata: { generateName: risk- }", "Namespace (unnamed)")]
    public void Evaluate_ObjectWithoutNamespaceOrName_IsNamedByWhatItHas(string metadata, string expected)
    {
        var verdict = PolicySet.Load([PolicyFiles.Policy("deny-all", "false", rule: PolicyFiles.Everything)])
            .Evaluate([$"apiVersion: v1\nkind: Namespace\n{metadata}\n"]);

        Assert.Equal(expected, Assert.Single(verdict.Denials).Object);
    }
}
