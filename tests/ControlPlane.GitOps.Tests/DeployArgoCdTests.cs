using YamlDotNet.RepresentationModel;

namespace ControlPlane.GitOps.Tests;

public class DeployArgoCdTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ControlPlane.sln not found above the test binaries.");
    }

    private static List<YamlMappingNode> Applications()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), "deploy", "argocd", "application.yaml"));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static string Scalar(YamlNode node, params string[] path) =>
        ((YamlScalarNode)path.Aggregate(node, (n, key) => ((YamlMappingNode)n)[key])).Value!;

    [Fact]
    public void ApplicationYaml_EveryDocument_IsAnArgoCdApplication()
    {
        var applications = Applications();

        Assert.Equal(2, applications.Count);
        Assert.All(applications, a =>
        {
            Assert.Equal("argoproj.io/v1alpha1", Scalar(a, "apiVersion"));
            Assert.Equal("Application", Scalar(a, "kind"));
            Assert.Equal("argocd", Scalar(a, "metadata", "namespace"));
        });
    }

    [Fact]
    public void ApplicationYaml_Cluster_SyncsItsFolderAutomaticallyWithPruneAndSelfHeal()
    {
        var cluster = Applications().Single(a => Scalar(a, "metadata", "name") == "controlplane-prod-eu");

        Assert.Equal("clusters/prod-eu", Scalar(cluster, "spec", "source", "path"));
        Assert.Equal("main", Scalar(cluster, "spec", "source", "targetRevision"));
        Assert.Equal("true", Scalar(cluster, "spec", "syncPolicy", "automated", "prune"));
        Assert.Equal("true", Scalar(cluster, "spec", "syncPolicy", "automated", "selfHeal"));
    }

    [Fact]
    public void ApplicationYaml_Policies_SyncBeforeModels()
    {
        var policies = Applications().Single(a => Scalar(a, "metadata", "name") == "controlplane-policies");

        Assert.Equal("policies", Scalar(policies, "spec", "source", "path"));
        Assert.Equal("-1", Scalar(policies, "metadata", "annotations", "argocd.argoproj.io/sync-wave"));
    }
}
