using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

/// <summary>The cluster listing is only regenerated when it may have changed, yet hand edits never survive the next decision.</summary>
public class DesiredStateTreeTests
{
    private static void PushByHand(WriterRepository writer, Action<string> edit)
    {
        var clone = writer.Clone();
        edit(clone);
        GitCli.Run(clone, "add", "-A", ".");
        GitCli.Run(clone, "-c", "user.name=op", "-c", "user.email=op@localhost", "commit", "--quiet", "-m", "hand edit");
        GitCli.Run(clone, "push", "--quiet", "origin", "main");
    }

    [Fact]
    public void Apply_ClusterListingEditedByHand_IsRegeneratedOnNextScale()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(name: "fraud-mm", replicas: 1)));
        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(name: "churn", replicas: 1)));
        PushByHand(writer, clone => File.WriteAllText(Path.Combine(clone, "clusters", "prod-eu", "kustomization.yaml"), ManifestRenderer.RenderClusterKustomization(["risk/churn"])));

        Assert.True(writer.Repository.Apply(DesiredStates.Change("d-3", DesiredStates.Model(name: "fraud-mm", replicas: 2))).Committed);

        Assert.Equal(ManifestRenderer.RenderClusterKustomization(["risk/churn", "risk/fraud-mm"]), writer.Git("show", "main:clusters/prod-eu/kustomization.yaml"));
    }

    [Fact]
    public void Apply_ModelFolderAddedByHand_IsListedOnNextScale()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(name: "fraud-mm", replicas: 1)));
        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(name: "fraud-mm", replicas: 2)));
        PushByHand(writer, clone => ManifestRendererTests.WriteFiles(clone, ManifestRenderer.RenderModel(DesiredStates.Model(name: "churn", ns: "ads"))));

        Assert.True(writer.Repository.Apply(DesiredStates.Change("d-3", DesiredStates.Model(name: "fraud-mm", replicas: 3))).Committed);

        Assert.Equal(ManifestRenderer.RenderClusterKustomization(["ads/churn", "risk/fraud-mm"]), writer.Git("show", "main:clusters/prod-eu/kustomization.yaml"));
    }
}
