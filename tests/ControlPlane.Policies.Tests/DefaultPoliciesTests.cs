using ControlPlane.Policies.Tests.Fixtures;

namespace ControlPlane.Policies.Tests;

[Collection(RunsAlone.Name)]
public sealed class DefaultPoliciesTests
{
    private const string GpuMessage = "Deployment 'fraud-mm' requests 3 GPUs, exceeding the maximum allowed of 2 for cost optimization and resource governance.";
    private const string AlignmentMessage = "Deployment 'fraud-mm' has no ai-alignment-report-id annotation: every model deployment must name its alignment report.";

    private static readonly PolicySet Defaults = PolicySet.Load(DefaultPolicies.Files);

    [Fact]
    public void Files_SeededFolder_HoldsTwoPoliciesEachBoundWithDeny()
    {
        Assert.Equal(["policies/max-gpus-per-container.yaml", "policies/require-alignment-report.yaml"], DefaultPolicies.Files.Select(f => f.Path));
        Assert.Equal(
            [
                new PolicyInfo("max-gpus-per-container", "policies/max-gpus-per-container.yaml", ["Deny"], ["Deployment"], 1, null),
                new PolicyInfo("require-alignment-report", "policies/require-alignment-report.yaml", ["Deny"], ["Deployment"], 1, null),
            ],
            Defaults.Policies,
            new PolicyInfoComparer());
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("2", "2")]
    [InlineData("\"2\"", "'2'")]
    [InlineData(null, null)]
    [InlineData("0", null)]
    public void Evaluate_AnnotatedDeploymentWithAtMostTwoGpus_IsAllowed(string? requests, string? limits)
    {
        var verdict = Defaults.Evaluate([Manifests.Deployment(requests: requests, limits: limits)]);

        Assert.True(verdict.Allowed, string.Join("\n", verdict.Denials));
        Assert.Empty(verdict.Warnings);
        Assert.Empty(verdict.Audits);
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("3", null)]
    [InlineData(null, "3")]
    [InlineData("1", "3")]
    [InlineData("\"3\"", "\"3\"")]
    public void Evaluate_ThreeGpusInRequestsOrLimits_DeniedWithGpuMessage(string? requests, string? limits)
    {
        var verdict = Defaults.Evaluate([Manifests.Deployment(requests: requests, limits: limits)]);

        var denial = Assert.Single(verdict.Denials);
        Assert.Equal(new PolicyViolation("max-gpus-per-container", "Deployment risk/fraud-mm", GpuMessage), denial);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("owner: risk")]
    [InlineData("ai-alignment-report-id: \"\"")]
    [InlineData("ai-alignment-report-id: \"   \"")]
    public void Evaluate_MissingOrEmptyAlignmentAnnotation_DeniedWithAlignmentMessage(string? annotations)
    {
        var verdict = Defaults.Evaluate([Manifests.Deployment(annotations: annotations)]);

        var denial = Assert.Single(verdict.Denials);
        Assert.Equal(new PolicyViolation("require-alignment-report", "Deployment risk/fraud-mm", AlignmentMessage), denial);
    }

    [Fact]
    public void Evaluate_NullAlignmentAnnotation_IsDenied()
    {
        var verdict = Defaults.Evaluate([Manifests.Deployment(annotations: "ai-alignment-report-id:")]);

        Assert.Equal("require-alignment-report", Assert.Single(verdict.Denials).Policy);
    }

    [Fact]
    public void Evaluate_ThreeGpusAndNoAnnotation_DeniedByBothPolicies()
    {
        var verdict = Defaults.Evaluate([Manifests.Deployment(requests: "3", limits: "3", annotations: null)]);

        Assert.Equal([GpuMessage, AlignmentMessage], verdict.Denials.Select(d => d.Message));
    }

    [Fact]
    public void Evaluate_ServiceAndConfigMap_AreIgnored()
    {
        var verdict = Defaults.Evaluate([Manifests.Service, Manifests.ConfigMap]);

        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void Evaluate_InitContainerWithThreeGpus_IsDenied()
    {
        var manifest = Manifests.Deployment().Replace(
            "      nodeSelector:",
            "      initContainers:\n      - name: warmup\n        resources:\n          limits:\n            nvidia.com/gpu: 3\n      nodeSelector:",
            StringComparison.Ordinal);

        var verdict = Defaults.Evaluate([manifest]);

        Assert.Equal([GpuMessage], verdict.Denials.Select(d => d.Message));
    }

    [Fact]
    public void Evaluate_DeploymentWithoutContainers_IsDeniedRatherThanWaved()
    {
        const string manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: fraud-mm, namespace: risk, annotations: { ai-alignment-report-id: AR-1 } }
            spec: { replicas: 1 }
            """;

        var verdict = Defaults.Evaluate([manifest]);

        var denial = Assert.Single(verdict.Denials);
        Assert.Equal("max-gpus-per-container", denial.Policy);
        Assert.Contains("variable 'containers' failed", denial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FromManyThreadsAtOnce_GivesEachTheSameVerdict()
    {
        string[] allowed = [Manifests.Deployment(), Manifests.Service];
        string[] denied = [Manifests.Deployment(requests: "3", limits: "3", annotations: null)];

        var verdicts = Enumerable.Range(0, 400).AsParallel().AsOrdered().Select(i => Defaults.Evaluate(i % 2 == 0 ? allowed : denied)).ToList();

        Assert.All(verdicts.Where((_, i) => i % 2 == 0), v => Assert.True(v.Allowed));
        Assert.All(verdicts.Where((_, i) => i % 2 == 1), v => Assert.Equal([GpuMessage, AlignmentMessage], v.Denials.Select(d => d.Message)));
    }
}
