using System.Text;
using ControlPlane.Core.GitOps;
using ControlPlane.Core.Naming;
using LibGit2Sharp;

namespace ControlPlane.GitOps;

/// <summary>The next commit's tree: the model's folder rewritten, its folder in any other cluster removed, cluster kustomizations regenerated.</summary>
internal static class DesiredStateTree
{
    public static Tree Build(Repository repository, Tree? head, ModelDesiredState desired, IReadOnlyDictionary<string, string> rendered)
    {
        var definition = head is null ? new TreeDefinition() : TreeDefinition.From(head);
        var cluster = desired.Spec.Cluster;
        var modelFolder = RepositoryLayout.ModelFolderInCluster(desired.Model);
        var clusters = head?[RepositoryLayout.ClustersFolder]?.Target as Tree;

        // The state is whole, never a delta: drop whatever an earlier render left in the folder.
        definition.Remove(RepositoryLayout.ModelFolder(cluster, desired.Model));
        foreach (var (path, content) in rendered)
            definition.Add(path, Blob(repository, content), Mode.NonExecutableFile);
        var listed = ModelFolders(clusters?[cluster]?.Target as Tree).Append(modelFolder);
        definition.Add(RepositoryLayout.ClusterKustomization(cluster), Blob(repository, ManifestRenderer.RenderClusterKustomization(listed)), Mode.NonExecutableFile);

        foreach (var other in clusters?.Where(e => e.TargetType == TreeEntryTargetType.Tree && e.Name != cluster && Dns1123.IsLabel(e.Name)) ?? [])
            if (other.Target is Tree otherTree && otherTree[modelFolder] is not null)
                RemoveModel(repository, definition, other.Name, otherTree, modelFolder);

        return repository.ObjectDatabase.CreateTree(definition);
    }

    /// <summary>The <c>namespace/name</c> folders of a cluster that hold a kustomization.yaml.</summary>
    public static IEnumerable<string> ModelFolders(Tree? clusterTree) =>
        from ns in clusterTree ?? Enumerable.Empty<TreeEntry>()
        where ns.TargetType == TreeEntryTargetType.Tree
        from name in (Tree)ns.Target
        where name.TargetType == TreeEntryTargetType.Tree
        let folder = $"{ns.Name}/{name.Name}"
        where RepositoryLayout.IsModelFolderInCluster(folder)
            && ((Tree)name.Target)[RepositoryLayout.KustomizationFile]?.TargetType == TreeEntryTargetType.Blob
        select folder;

    // A model moved clusters: Flux must prune it from the old one, so its folder and listing go.
    // CreateTree drops subtrees left empty, so an emptied namespace or cluster folder disappears with them.
    private static void RemoveModel(Repository repository, TreeDefinition definition, string cluster, Tree clusterTree, string modelFolder)
    {
        definition.Remove($"{RepositoryLayout.ClusterFolder(cluster)}/{modelFolder}");
        var remaining = ModelFolders(clusterTree).Where(f => f != modelFolder).ToList();
        if (remaining.Count == 0)
            definition.Remove(RepositoryLayout.ClusterKustomization(cluster));
        else
            definition.Add(RepositoryLayout.ClusterKustomization(cluster), Blob(repository, ManifestRenderer.RenderClusterKustomization(remaining)), Mode.NonExecutableFile);
    }

    private static Blob Blob(Repository repository, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return repository.ObjectDatabase.CreateBlob(stream);
    }
}
