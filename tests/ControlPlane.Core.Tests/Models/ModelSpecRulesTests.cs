using ControlPlane.Core.Models;

namespace ControlPlane.Core.Tests.Models;

public class ModelSpecRulesTests
{
    [Fact]
    public void Validate_DesignExample_HasNoErrors()
    {
        Assert.Empty(ModelSpecRules.Validate(Fixtures.Spec()));
    }

    public static TheoryData<ModelSpec, string> BadSpecs()
    {
        var ok = Fixtures.Spec();
        return new()
        {
            { ok with { Image = "UPPER/Case:1" }, "image" },
            { ok with { Image = "registry.example.com/x:tag\nkind: Secret" }, "image" },
            { ok with { Version = "1.0+build" }, "version" },
            { ok with { Version = new string('1', 64) }, "version" },
            { ok with { Version = "1.4.2\n" }, "version" },
            { ok with { Image = "nginx:1.27\n" }, "image" },
            { ok with { GpuType = "nvidia-a100\n" }, "gpuType" },
            { ok with { Cluster = "Prod_EU" }, "cluster" },
            { ok with { Budget = "../etc" }, "budget" },
            { ok with { GpuType = "" }, "gpuType" },
            { ok with { GpusPerReplica = 0 }, "gpusPerReplica" },
            { ok with { GpusPerReplica = 17 }, "gpusPerReplica" },
            { ok with { Replicas = new ReplicaBounds(0, 3) }, "replicas.min" },
            { ok with { Replicas = new ReplicaBounds(5, 3) }, "replicas.min must not exceed" },
            { ok with { Replicas = new ReplicaBounds(1, 100_000) }, "replicas.max" },
            { ok with { TargetGpuUtilization = double.NaN }, "targetGpuUtilization" },
            { ok with { TargetGpuUtilization = 0 }, "targetGpuUtilization" },
            { ok with { TargetGpuUtilization = 101 }, "targetGpuUtilization" },
            { ok with { WorkloadClass = "realtime" }, "workloadClass" },
            { ok with { ScaleDownStabilizationSeconds = -1 }, "scaleDownStabilizationSeconds" },
            { ok with { MetricWindowSeconds = 0 }, "metricWindowSeconds" },
            { ok with { Port = 70000 }, "port" },
            { ok with { Annotations = null }, "ai-alignment-report-id" },
            { ok with { Annotations = new() { [ModelSpec.AlignmentReportAnnotation] = " " } }, "ai-alignment-report-id" },
            { ok with { Annotations = new() { [ModelSpec.AlignmentReportAnnotation] = "AR-1\nkind: Secret" } }, "ai-alignment-report-id" },
            { ok with { Image = "nginx:1.27é" }, "image" },
            { ok with { Annotations = new(ok.Annotations!) { ["bad key!"] = "x" } }, "annotation key" },
            { ok with { Annotations = new(ok.Annotations!) { ["UPPER.example/x"] = "x" } }, "annotation key" },
            { ok with { Drift = new DriftSpec(Threshold: double.PositiveInfinity) }, "drift.threshold" },
            { ok with { CapacityType = "preemptible" }, "capacityType" },
            { ok with { Scaling = new ScalingSpec("psychic") }, "scaling.mode" },
            { ok with { Scaling = new ScalingSpec(ScalingModes.Predictive) }, "requestsPerSecondPerReplica" },
        };
    }

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void Validate_BadField_NamesTheField(ModelSpec spec, string expected)
    {
        var errors = ModelSpecRules.Validate(spec);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("nginx:1.27")]
    [InlineData("registry.example.com:5000/risk/fraud-mm:1.4.2")]
    [InlineData("ghcr.io/org/model@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Validate_ValidImageReferences_AreAccepted(string image)
    {
        Assert.Empty(ModelSpecRules.Validate(Fixtures.Spec() with { Image = image }));
    }

    public static TheoryData<string?, string> BadAlignmentReports() => new()
    {
        { " ", "annotations['ai-alignment-report-id'] is required" },
        { "AR-1\nkind: Secret", "a line feed (U+000A) at index 4" },
        { "AR 2026", "whitespace (U+0020) at index 2" },
        { "AR-2026\u0085", "(U+0085) at index 7" },
        { "#AR-2026", "'#' (U+0023) at index 0" },
        { new string('A', 129), "it is 129 characters long" },
    };

    [Theory]
    [MemberData(nameof(BadAlignmentReports))]
    public void Validate_AlignmentReportAnnotationNotAToken_IsRefusedWithTheRule(string? report, string expected)
    {
        var errors = ModelSpecRules.Validate(Fixtures.Spec() with { Annotations = new() { [ModelSpec.AlignmentReportAnnotation] = report! } });

        var error = Assert.Single(errors);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("1-128 letters, digits, '.', '_', ':', '/' or '-', starting with a letter or digit", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AR-2026-0117")]
    [InlineData("urn:ar:2026/0117")]
    public void Validate_AlignmentReportAnnotationToken_IsAccepted(string report) =>
        Assert.Empty(ModelSpecRules.Validate(Fixtures.Spec() with { Annotations = new() { [ModelSpec.AlignmentReportAnnotation] = report } }));

    [Theory]
    [InlineData("a\r\nb", "a carriage return (U+000D) at index 1")]
    [InlineData("a\u2029b", "a paragraph separator (U+2029) at index 1")]
    [InlineData("\u009B31m", "a C1 control character (U+009B) at index 0")]
    [InlineData("x\uFFFF", "a noncharacter (U+FFFF) at index 1")]
    [InlineData("x\u0000", "a control character (U+0000) at index 1")]
    public void Validate_AnnotationValueNotPrintable_IsRefusedNamingTheAnnotation(string value, string expected)
    {
        var spec = Fixtures.Spec();

        var error = Assert.Single(ModelSpecRules.Validate(spec with { Annotations = new(spec.Annotations!) { ["example.com/note"] = value } }));

        Assert.StartsWith("annotations['example.com/note'] '", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnnotationValueWithALoneSurrogate_IsRefusedNamingIt()
    {
        var spec = Fixtures.Spec();

        var error = Assert.Single(ModelSpecRules.Validate(spec with { Annotations = new(spec.Annotations!) { ["example.com/note"] = "x\uD800" } }));

        Assert.Contains("a lone surrogate (U+D800) at index 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("line one\nline two")]
    [InlineData("\tindented")]
    [InlineData("a\nkind: Secret")]
    public void Validate_AnnotationValueWithLineFeedsAndTabs_IsAccepted(string value)
    {
        var spec = Fixtures.Spec();

        Assert.Empty(ModelSpecRules.Validate(spec with { Annotations = new(spec.Annotations!) { ["example.com/note"] = value } }));
    }

    [Theory]
    [InlineData("0x1F")]
    [InlineData("31")]
    [InlineData("007")]
    [InlineData("1e3")]
    [InlineData("1_000")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("2026-01-17")]
    public void Validate_AnnotationKeyYamlReadsAsNumberBoolNullOrDate_IsRejected(string key)
    {
        // kubectl kustomize fails on such a key in metadata.annotations, even quoted: one model would break its whole cluster.
        var spec = Fixtures.Spec();
        var errors = ModelSpecRules.Validate(spec with { Annotations = new(spec.Annotations!) { [key] = "x" } });

        Assert.Contains(errors, e => e.Contains($"annotation key '{key}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("controlplane.io/rollout-phase")]
    [InlineData("controlplane.io/stable-version")]
    public void Validate_AnnotationKeyThePlaneOwns_IsRejected(string key)
    {
        var spec = Fixtures.Spec();
        var errors = ModelSpecRules.Validate(spec with { Annotations = new(spec.Annotations!) { [key] = "Stable" } });

        Assert.Contains(errors, e => e.Contains("is reserved", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("example.com/31")]
    [InlineData("v31")]
    [InlineData("yes")]
    public void Validate_AnnotationKeyThatStaysAString_IsAccepted(string key)
    {
        var spec = Fixtures.Spec();

        Assert.Empty(ModelSpecRules.Validate(spec with { Annotations = new(spec.Annotations!) { [key] = "x" } }));
    }

    [Theory]
    [InlineData("ai-alignment-report-id", true)]
    [InlineData("example.com/owner", true)]
    [InlineData("a.b.example.com/Team_Name.v1", true)]
    [InlineData("/name", false)]
    [InlineData("example.com/", false)]
    [InlineData("-leading", false)]
    [InlineData("a/b/c", false)]
    public void IsQualifiedKey_KubernetesRules_AreFollowed(string key, bool expected)
    {
        Assert.Equal(expected, KubernetesMetadataRules.IsQualifiedKey(key));
    }
}

public class ModelSpecEqualityTests
{
    [Fact]
    public void IsSameAs_EqualAnnotationsInOtherInstances_IsTrue()
    {
        var a = Fixtures.Spec();
        var b = Fixtures.Spec();

        Assert.NotEqual(a, b); // record equality compares the dictionaries by reference
        Assert.True(a.IsSameAs(b));
        Assert.False(a.IsSameAs(b with { Annotations = new(b.Annotations!) { ["owner"] = "risk" } }));
        Assert.False(a.IsSameAs(b with { Image = "nginx" }));
    }

    [Fact]
    public void CostAccrual_TwoGpusForNinetyMinutes_IsThreeGpuHours()
    {
        Assert.Equal(9.6, ControlPlane.Core.Budgets.CostAccrual.Cost(2, 3.2, TimeSpan.FromMinutes(90)), 9);
        Assert.Equal(0, ControlPlane.Core.Budgets.CostAccrual.Cost(2, 3.2, TimeSpan.FromMinutes(-5)));
    }
}

public class ModelDesiredStateTests
{
    private static ControlPlane.Core.GitOps.ModelDesiredState State(int replicas = 2, string phase = "Stable") =>
        new(new ControlPlane.Core.Naming.ModelId("risk", "fraud-mm"), Fixtures.Spec(), replicas, phase, "1.4.2");

    [Fact]
    public void IsSameAs_EqualContentInOtherInstances_IsTrue()
    {
        Assert.True(State().IsSameAs(State()));
        Assert.False(State().IsSameAs(State(replicas: 3)));
        Assert.False(State().IsSameAs(State(phase: "Progressing")));
        Assert.False(State().IsSameAs(State() with { Spec = Fixtures.Spec() with { Image = "nginx" } }));
    }
}

public class ModelSpecChangesTests
{
    [Fact]
    public void Describe_ImageAndBounds_NamesBothChanges()
    {
        var before = Fixtures.Spec();
        var after = before with { Image = "nginx:1.27", Replicas = new ReplicaBounds(2, 4) };

        Assert.Equal("image registry.example.com/risk/fraud-mm:1.4.2 → nginx:1.27, replicas [1, 10] → [2, 4]", ModelSpecChanges.Describe(before, after));
        Assert.Equal("settings changed", ModelSpecChanges.Describe(before, before with { Port = 9090 }));
    }
}
