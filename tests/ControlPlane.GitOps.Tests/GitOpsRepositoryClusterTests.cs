using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

public class GitOpsRepositoryClusterTests
{
    [Fact]
    public void Apply_TwoModelsInOneCluster_ListsBothInClusterKustomization()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(name: "fraud-mm")));

        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(name: "churn", ns: "ads", replicas: 2)));

        var clone = writer.Clone();
        Assert.Equal(ManifestRenderer.RenderClusterKustomization(["ads/churn", "risk/fraud-mm"]),
            File.ReadAllText(Path.Combine(clone, "clusters", "prod-eu", "kustomization.yaml")));
        var output = Kustomize.Build(Path.Combine(clone, "clusters", "prod-eu"));
        Assert.Contains("name: churn\n", output, StringComparison.Ordinal);
        Assert.Contains("name: fraud-mm\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OnlyModelMovesCluster_OldClusterFolderIsGone()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(cluster: "prod-eu")));

        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(cluster: "prod-us")));

        Assert.Equal(["README.md", "prod-us"], GitCli.Lines(writer.BarePath, "ls-tree", "--name-only", "main:clusters"));
        var output = Kustomize.Build(Path.Combine(writer.Clone(), "clusters", "prod-us"));
        Assert.Contains("name: fraud-mm\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ModelMovesFromSharedCluster_OldClusterKeepsOnlyTheOtherModel()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(name: "fraud-mm", cluster: "prod-eu")));
        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(name: "churn", cluster: "prod-eu")));

        writer.Repository.Apply(DesiredStates.Change("d-3", DesiredStates.Model(name: "fraud-mm", cluster: "prod-us")));

        var clone = writer.Clone();
        Assert.False(Directory.Exists(Path.Combine(clone, "clusters", "prod-eu", "risk", "fraud-mm")));
        Assert.Equal(ManifestRenderer.RenderClusterKustomization(["risk/churn"]),
            File.ReadAllText(Path.Combine(clone, "clusters", "prod-eu", "kustomization.yaml")));
        var oldCluster = Kustomize.Build(Path.Combine(clone, "clusters", "prod-eu"));
        Assert.DoesNotContain("name: fraud-mm", oldCluster, StringComparison.Ordinal);
        Assert.Contains("name: fraud-mm\n", Kustomize.Build(Path.Combine(clone, "clusters", "prod-us")), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ModelMovesAwayFromNamespace_EmptyNamespaceFolderIsGone()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(name: "fraud-mm", ns: "risk", cluster: "prod-eu")));
        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(name: "churn", ns: "ads", cluster: "prod-eu")));

        writer.Repository.Apply(DesiredStates.Change("d-3", DesiredStates.Model(name: "fraud-mm", ns: "risk", cluster: "prod-us")));

        Assert.Equal(["ads", "kustomization.yaml"], GitCli.Lines(writer.BarePath, "ls-tree", "--name-only", "main:clusters/prod-eu"));
    }

    [Fact]
    public void Apply_FileLeftInModelFolder_IsRemovedOnNextRender()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));
        var clone = writer.Clone();
        File.WriteAllText(Path.Combine(clone, "clusters", "prod-eu", "risk", "fraud-mm", "stale.yaml"), "kind: ConfigMap\n");
        GitCli.Run(clone, "add", ".");
        GitCli.Run(clone, "-c", "user.name=op", "-c", "user.email=op@localhost", "commit", "--quiet", "-m", "hand edit");
        GitCli.Run(clone, "push", "--quiet", "origin", "main");

        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 4)));

        Assert.Equal(["deployment.yaml", "kustomization.yaml", "service.yaml"],
            GitCli.Lines(writer.BarePath, "ls-tree", "--name-only", "main:clusters/prod-eu/risk/fraud-mm"));
    }
}
