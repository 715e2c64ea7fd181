using ControlPlane.Policies.Tests.Fixtures;

namespace ControlPlane.Policies.Tests;

public sealed class PolicySetLoadTests
{
    [Fact]
    public void Load_NoFiles_ListsNothingAndAllowsEverything()
    {
        var policies = PolicySet.Load([]);

        Assert.Empty(policies.Policies);
        Assert.True(policies.Evaluate([Manifests.Deployment(requests: "9", annotations: null)]).Allowed);
    }

    [Fact]
    public void Load_FileThatIsNotYaml_ListedWithErrorAndDeniesEveryObject()
    {
        var policies = PolicySet.Load([new PolicyFile("policies/broken.yaml", "kind: [unclosed\nspec: {")]);

        var info = Assert.Single(policies.Policies);
        Assert.Equal(("policies/broken.yaml", "policies/broken.yaml", 0), (info.Name, info.Path, info.Validations));
        Assert.Equal(["Deny"], info.ValidationActions);
        Assert.Equal(["*"], info.Kinds);
        Assert.StartsWith("policies/broken.yaml is not valid YAML", info.Error, StringComparison.Ordinal);
        var verdict = policies.Evaluate([Manifests.Deployment(), Manifests.Service]);
        Assert.Equal(["Deployment risk/fraud-mm", "Service risk/fraud-mm"], verdict.Denials.Select(d => d.Object));
        Assert.All(verdict.Denials, d => Assert.Contains("policy 'policies/broken.yaml' is broken", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ExpressionThatDoesNotCompile_ListedWithErrorAndDeniesWhatItAppliesTo()
    {
        var policies = PolicySet.Load([PolicyFiles.Policy("typo", "object.spec.replicas <= (")]);

        var info = Assert.Single(policies.Policies);
        Assert.Contains("expression 'object.spec.replicas <= (' does not compile", info.Error, StringComparison.Ordinal);
        var verdict = policies.Evaluate([Manifests.Deployment(), Manifests.Service]);
        var denial = Assert.Single(verdict.Denials);
        Assert.Equal(("typo", "Deployment risk/fraud-mm"), (denial.Policy, denial.Object));
        Assert.StartsWith("policy 'typo' is broken, so it denies every object it applies to: spec.validations[0]: expression", denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MessageExpressionThatDoesNotCompile_PolicyIsBroken()
    {
        var policies = PolicySet.Load([PolicyFiles.Policy("bad-message", "true", messageExpression: "'a' +")]);

        Assert.Contains("spec.validations[0].messageExpression", Assert.Single(policies.Policies).Error, StringComparison.Ordinal);
        Assert.False(policies.Evaluate([Manifests.Deployment()]).Allowed);
    }

    [Theory]
    [InlineData("{ apiGroups: [apps], resources: [deployments], operations: [CREATE] }")]
    [InlineData("{ apiGroups: apps, apiVersions: [v1], resources: [deployments], operations: [CREATE] }")]
    [InlineData("not-a-rule")]
    public void Load_UnreadableMatchRules_DeniesEveryObject(string rule)
    {
        var policies = PolicySet.Load([PolicyFiles.Policy("unreadable", "true", rule: rule)]);

        Assert.Contains("resource rule", Assert.Single(policies.Policies).Error, StringComparison.Ordinal);
        Assert.Equal(2, policies.Evaluate([Manifests.Deployment(), Manifests.ConfigMap]).Denials.Count);
    }

    [Fact]
    public void Load_PolicyWithoutValidations_IsBroken()
    {
        var text = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata: { name: empty }
            spec:
              matchConstraints: { resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }] }
            ---
            """ + "\n" + PolicyFiles.Binding("empty", "Warn");

        var policies = PolicySet.Load([new PolicyFile("policies/empty.yaml", text)]);

        Assert.Equal("spec.validations is missing or empty", Assert.Single(policies.Policies).Error);
        Assert.Single(policies.Evaluate([Manifests.Service]).Denials);
    }

    [Fact]
    public void Load_PolicyWithoutBinding_ListedButDoesNotDeny()
    {
        var policies = PolicySet.Load([PolicyFiles.Policy("draft", "false", actions: null)]);

        var info = Assert.Single(policies.Policies);
        Assert.Empty(info.ValidationActions);
        Assert.Null(info.Error);
        var verdict = policies.Evaluate([Manifests.Deployment()]);
        Assert.True(verdict.Allowed);
        Assert.Empty(verdict.Warnings);
        Assert.Empty(verdict.Audits);
    }

    [Fact]
    public void Load_BrokenPolicyWithoutBinding_ListedWithErrorButDoesNotDeny()
    {
        var policies = PolicySet.Load([PolicyFiles.Policy("draft", "object.(", actions: null)]);

        Assert.NotNull(Assert.Single(policies.Policies).Error);
        Assert.True(policies.Evaluate([Manifests.Deployment()]).Allowed);
    }

    [Fact]
    public void Load_BindingInAnotherFile_EnforcesThePolicy()
    {
        var policies = PolicySet.Load(
        [
            PolicyFiles.Policy("no-deployments", "false", actions: null),
            new PolicyFile("policies/bindings.yaml", PolicyFiles.Binding("no-deployments", "Deny")),
        ]);

        Assert.Equal(["Deny"], Assert.Single(policies.Policies).ValidationActions);
        Assert.False(policies.Evaluate([Manifests.Deployment()]).Allowed);
    }

    [Fact]
    public void Load_BindingForMissingPolicy_ListedWithErrorAndDeniesEveryObject()
    {
        var policies = PolicySet.Load([new PolicyFile("policies/bindings.yaml", PolicyFiles.Binding("renamed-away", "Deny", "orphan"))]);

        var info = Assert.Single(policies.Policies);
        Assert.Equal(("renamed-away", "policies/bindings.yaml"), (info.Name, info.Path));
        Assert.Equal("binding 'orphan' names policy 'renamed-away', which no file defines", info.Error);
        Assert.Single(policies.Evaluate([Manifests.Service]).Denials);
    }

    [Theory]
    [InlineData("Block", "validation action 'Block' is not Deny, Warn or Audit")]
    [InlineData("Warn, Warn", "validation action 'Warn' is listed twice")]
    [InlineData("", "spec.validationActions is missing or empty")]
    public void Load_BindingWithInvalidActions_PolicyIsBrokenAndDenies(string actions, string error)
    {
        var policies = PolicySet.Load([PolicyFiles.Policy("gpu-cap", "true", actions)]);

        Assert.Equal($"binding 'gpu-cap': {error}", Assert.Single(policies.Policies).Error);
        Assert.Single(policies.Evaluate([Manifests.Deployment()]).Denials);
    }

    [Fact]
    public void Load_SamePolicyNameInTwoFiles_BothBroken()
    {
        var policies = PolicySet.Load(
        [
            PolicyFiles.Policy("twin", "true"),
            new PolicyFile("policies/copy.yaml", PolicyFiles.PolicyText("twin", "true")),
        ]);

        Assert.Equal(2, policies.Policies.Count);
        Assert.All(policies.Policies, p => Assert.StartsWith("policy name 'twin' is also defined in", p.Error, StringComparison.Ordinal));
        Assert.Equal(2, policies.Evaluate([Manifests.Deployment()]).Denials.Count);
    }

    [Fact]
    public void Load_PolicyWithoutName_DeniesEveryObject()
    {
        var text = PolicyFiles.PolicyText("x", "true").Replace("  name: x\n", "  labels: {}\n", StringComparison.Ordinal);

        var policies = PolicySet.Load([new PolicyFile("policies/nameless.yaml", text)]);

        var info = Assert.Single(policies.Policies);
        Assert.Equal(("policies/nameless.yaml", "a ValidatingAdmissionPolicy has no metadata.name"), (info.Name, info.Error));
        Assert.Single(policies.Evaluate([Manifests.ConfigMap]).Denials);
    }

    [Fact]
    public void Load_DocumentThatIsNotAMapping_DeniesEveryObject()
    {
        var policies = PolicySet.Load([new PolicyFile("policies/list.yaml", "- a\n- b\n")]);

        Assert.Equal("document 1 of policies/list.yaml is not a mapping", Assert.Single(policies.Policies).Error);
        Assert.False(policies.Evaluate([Manifests.Service]).Allowed);
    }

    [Fact]
    public void Load_ReadmeKustomizationAndEmptyDocuments_AreNotPolicies()
    {
        var policies = PolicySet.Load(
        [
            new PolicyFile("policies/README.md", "# policies: [not yaml"),
            new PolicyFile("policies/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n"),
            new PolicyFile("policies/empty.yaml", "---\n---\n"),
        ]);

        Assert.Empty(policies.Policies);
    }

    [Fact]
    public void Load_MultiDocumentFile_ReadsEveryPolicyAndBinding()
    {
        var text = string.Join("---\n",
            PolicyFiles.PolicyText("first", "true"), PolicyFiles.Binding("first", "Deny"),
            PolicyFiles.PolicyText("second", "false", PolicyFiles.Everything), PolicyFiles.Binding("second", "Audit"));

        var policies = PolicySet.Load([new PolicyFile("policies/bundle.yaml", text)]);

        Assert.Equal(
            [
                new PolicyInfo("first", "policies/bundle.yaml", ["Deny"], ["Deployment"], 1, null),
                new PolicyInfo("second", "policies/bundle.yaml", ["Audit"], ["*"], 1, null),
            ],
            policies.Policies,
            new PolicyInfoComparer());
    }

    [Fact]
    public void Load_PolicyInfo_ListsKindsOfEveryRuleAndActionsOfEveryBinding()
    {
        const string text = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata: { name: shapes }
            spec:
              matchConstraints:
                resourceRules:
                  - { apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE"], resources: ["deployments", "statefulsets"] }
                  - { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["services", "configmaps", "widgets"] }
              validations:
                - expression: "true"
                - expression: "1 == 1"
            """;

        var policies = PolicySet.Load(
        [
            new PolicyFile("policies/shapes.yaml", text),
            new PolicyFile("policies/shapes-audit.yaml", PolicyFiles.Binding("shapes", "Audit", "shapes-audit")),
            new PolicyFile("policies/shapes-warn.yaml", PolicyFiles.Binding("shapes", "Warn", "shapes-warn")),
        ]);

        Assert.Equal(
            [new PolicyInfo("shapes", "policies/shapes.yaml", ["Warn", "Audit"], ["Deployment", "StatefulSet", "Service", "ConfigMap", "widgets"], 2, null)],
            policies.Policies,
            new PolicyInfoComparer());
    }
}
