using ControlPlane.Core.GitOps;
using ControlPlane.GitOps.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.GitOps.Tests;

public class ManifestRendererTests
{
    private const string Folder = "clusters/prod-eu/risk/fraud-mm";

    [Fact]
    public void RenderModel_AnyModel_WritesThreeFilesUnderClusterNamespaceName()
    {
        var files = ManifestRenderer.RenderModel(DesiredStates.Model());

        Assert.Equal(
            [$"{Folder}/deployment.yaml", $"{Folder}/kustomization.yaml", $"{Folder}/service.yaml"],
            files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RenderModel_SameInputWithAnnotationsInAnotherOrder_IsByteForByteIdentical()
    {
        var first = DesiredStates.Model() with
        {
            Spec = DesiredStates.Spec(annotations: new() { ["ai-alignment-report-id"] = "AR-1", ["owner"] = "risk", ["a.example.com/team"] = "x" }),
        };
        var second = first with
        {
            Spec = DesiredStates.Spec(annotations: new() { ["owner"] = "risk", ["a.example.com/team"] = "x", ["ai-alignment-report-id"] = "AR-1" }),
        };

        Assert.Equal(ManifestRenderer.RenderModel(first), ManifestRenderer.RenderModel(second));
        Assert.Equal(ManifestRenderer.RenderModel(first), ManifestRenderer.RenderModel(first));
    }

    [Fact]
    public void RenderModel_Deployment_CarriesReplicasGpusNodeSelectorLabelsAndAnnotation()
    {
        var deployment = ManifestRenderer.RenderModel(DesiredStates.Model(replicas: 3))[$"{Folder}/deployment.yaml"];

        Assert.StartsWith("apiVersion: apps/v1\nkind: Deployment\n", deployment, StringComparison.Ordinal);
        Assert.Contains("  replicas: 3\n", deployment, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(deployment, "nvidia.com/gpu: 2\n")); // requests and limits
        Assert.Contains("controlplane.io/gpu-type: nvidia-a100\n", deployment, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(deployment, "ai-alignment-report-id: AR-2026-0117\n")); // deployment and pod template
        Assert.Contains("app.kubernetes.io/version: \"1.4.2\"\n", deployment, StringComparison.Ordinal);
        Assert.Contains("app.kubernetes.io/managed-by: controlplane\n", deployment, StringComparison.Ordinal);
        Assert.Contains("    matchLabels:\n      app.kubernetes.io/name: fraud-mm\n  template:", deployment, StringComparison.Ordinal);
        Assert.Contains("containerPort: 8080\n", deployment, StringComparison.Ordinal);
        Assert.DoesNotContain("&", deployment, StringComparison.Ordinal); // no YAML anchors or aliases
    }

    [Fact]
    public void RenderModel_RolloutPhase_AnnotatesTheDeploymentButNotThePods()
    {
        var progressing = DesiredStates.Model(version: "1.5.0") with { Phase = "Progressing", StableVersion = "1.4.2" };
        var promoted = progressing with { Phase = "Stable", StableVersion = "1.5.0" };

        var before = ManifestRenderer.RenderModel(progressing)[$"{Folder}/deployment.yaml"];
        var after = ManifestRenderer.RenderModel(promoted)[$"{Folder}/deployment.yaml"];

        Assert.Equal(1, Occurrences(before, "controlplane.io/rollout-phase: Progressing\n"));
        Assert.Equal(1, Occurrences(before, "controlplane.io/stable-version: \"1.4.2\"\n"));
        Assert.Contains("controlplane.io/rollout-phase: Stable\n", after, StringComparison.Ordinal);
        var template = after.IndexOf("  template:", StringComparison.Ordinal);
        Assert.DoesNotContain("rollout-phase", after[template..], StringComparison.Ordinal); // a promotion must not restart pods
    }

    [Fact]
    public void RenderModel_Service_IsClusterIpSelectingTheModelOnItsPort()
    {
        var service = ManifestRenderer.RenderModel(DesiredStates.Model())[$"{Folder}/service.yaml"];

        Assert.StartsWith("apiVersion: v1\nkind: Service\n", service, StringComparison.Ordinal);
        Assert.Contains("type: ClusterIP\n", service, StringComparison.Ordinal);
        Assert.Contains("  selector:\n    app.kubernetes.io/name: fraud-mm\n", service, StringComparison.Ordinal);
        Assert.Contains("- name: http\n    port: 8080\n    protocol: TCP\n    targetPort: 8080\n", service, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderModel_EveryFile_EndsWithOneNewline()
    {
        foreach (var (path, content) in ManifestRenderer.RenderModel(DesiredStates.Model()))
            Assert.True(content.EndsWith('\n') && !content.EndsWith("\n\n", StringComparison.Ordinal), path);
    }

    [Fact]
    public void RenderModel_ModelKustomization_ListsDeploymentAndService()
    {
        Assert.Equal(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deployment.yaml\n- service.yaml\n",
            ManifestRenderer.RenderModel(DesiredStates.Model())[$"{Folder}/kustomization.yaml"]);
    }

    [Theory]
    [InlineData("0x1F")]
    [InlineData("1_000")]
    [InlineData("0o17")]
    public void RenderModel_VersionThatYamlReadsAsNumber_IsQuoted(string version)
    {
        var deployment = ManifestRenderer.RenderModel(DesiredStates.Model(version: version))[$"{Folder}/deployment.yaml"];

        Assert.Contains($"app.kubernetes.io/version: \"{version}\"\n", deployment, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderModel_AnnotationThatYamlReadsAsDate_IsQuoted()
    {
        var desired = DesiredStates.Model() with
        {
            Spec = DesiredStates.Spec(annotations: new() { ["ai-alignment-report-id"] = "AR-1", ["approved-on"] = "2026-01-17" }),
        };

        var deployment = ManifestRenderer.RenderModel(desired)[$"{Folder}/deployment.yaml"];

        Assert.Contains("approved-on: \"2026-01-17\"\n", deployment, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31")]
    [InlineData("true")]
    [InlineData("0x1F")]
    public void RenderModel_AnnotationKeyThatYamlReadsAsNumberOrBool_IsQuoted(string key)
    {
        var desired = DesiredStates.Model() with
        {
            Spec = DesiredStates.Spec(annotations: new() { ["ai-alignment-report-id"] = "AR-1", [key] = "x" }),
        };

        var deployment = ManifestRenderer.RenderModel(desired)[$"{Folder}/deployment.yaml"];

        Assert.Contains($"\"{key}\": x\n", deployment, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData("a\rb")]
    [InlineData("x\u2028y")]
    [InlineData("a\u0085b")]
    [InlineData("a\u2029b")]
    [InlineData("\u00A0x\u00A0")]
    [InlineData("a\nkind: Secret")]
    [InlineData("  padded\t")]
    [InlineData("x: |\n  y")]
    public void RenderModel_AnnotationWithLineBreaksOrPadding_ReadsBackUnchanged(string value)
    {
        var desired = DesiredStates.Model() with
        {
            Spec = DesiredStates.Spec(annotations: new() { ["ai-alignment-report-id"] = "AR-1", ["note"] = value }),
        };

        var deployment = ManifestRenderer.RenderModel(desired)[$"{Folder}/deployment.yaml"];

        var yaml = new YamlStream();
        yaml.Load(new StringReader(deployment));
        var annotations = (YamlMappingNode)((YamlMappingNode)yaml.Documents.Single().RootNode)["metadata"]["annotations"];
        Assert.True(value == ((YamlScalarNode)annotations["note"]).Value, deployment);
    }

    [Fact]
    public void RenderModel_NameThatIsNotDnsLabel_Throws()
    {
        var desired = DesiredStates.Model() with { Model = new Core.Naming.ModelId("risk", "../../etc") };

        Assert.Throws<ArgumentException>(() => ManifestRenderer.RenderModel(desired));
    }

    [Fact]
    public void RenderClusterKustomization_UnsortedFolders_ListsThemOrdinallyOnce()
    {
        var text = ManifestRenderer.RenderClusterKustomization(["risk/b", "ads/z", "risk/a", "risk/b"]);

        Assert.Equal("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ads/z\n- risk/a\n- risk/b\n", text);
    }

    [Fact]
    public void RenderClusterKustomization_FolderOutsideLayout_Throws()
    {
        Assert.Throws<ArgumentException>(() => ManifestRenderer.RenderClusterKustomization(["risk/../../x"]));
    }

    [Fact]
    public void RenderModel_WrittenWithClusterKustomization_PassesKubectlKustomize()
    {
        using var directory = new TempDirectory();
        var desired = DesiredStates.Model(replicas: 3, version: "0x1F");
        WriteFiles(directory.Path, ManifestRenderer.RenderModel(desired));
        File.WriteAllText(directory.Combine("clusters", "prod-eu", "kustomization.yaml"), ManifestRenderer.RenderClusterKustomization(["risk/fraud-mm"]));

        var output = Kustomize.Build(directory.Combine("clusters", "prod-eu"));

        Assert.Contains("kind: Deployment", output, StringComparison.Ordinal);
        Assert.Contains("kind: Service", output, StringComparison.Ordinal);
        Assert.Contains("  replicas: 3\n", output, StringComparison.Ordinal);
        Assert.Contains("nvidia.com/gpu: 2", output, StringComparison.Ordinal);
        Assert.Contains("app.kubernetes.io/version: \"0x1F\"", output, StringComparison.Ordinal);
    }

    internal static void WriteFiles(string root, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}

public class RepositoryLayoutTests
{
    [Theory]
    [InlineData("clusters/prod-eu/risk/fraud-mm/deployment.yaml", "risk/fraud-mm")]
    [InlineData("clusters/prod-eu/kustomization.yaml", null)]
    [InlineData("policies/max-gpus-per-container.yaml", null)]
    [InlineData("clusters/prod-eu/Risk/fraud-mm/deployment.yaml", null)]
    [InlineData("other/prod-eu/risk/fraud-mm/deployment.yaml", null)]
    public void ModelOf_Path_NamesTheOwningModelOnlyForModelFiles(string path, string? expected)
    {
        Assert.Equal(expected, RepositoryLayout.ModelOf(path));
    }
}
