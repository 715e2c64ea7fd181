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
        var folder = RepositoryLayout.ModelFolder(cluster, desired.Model);
        var modelFolder = RepositoryLayout.ModelFolderInCluster(desired.Model);
        var clusters = head?[RepositoryLayout.ClustersFolder]?.Target as Tree;
        var clusterTree = clusters?[cluster]?.Target as Tree;
        // Only a render confined to the model's folder leaves every other folder, and so the listings, as they were.
        var confined = rendered.Keys.All(path => path.StartsWith(folder + "/", StringComparison.Ordinal));

        // The state is whole, never a delta: drop whatever an earlier render left in the folder.
        definition.Remove(folder);
        foreach (var (path, content) in rendered)
            definition.Add(path, Blob(repository, content), Mode.NonExecutableFile);
        // Regenerating the listing walks every model folder of the cluster; a model already in a current listing leaves it unchanged.
        if (!(confined && clusterTree is not null && ListedClusterTrees.Contains(clusterTree.Id) && IsModelFolder(clusterTree, modelFolder)))
        {
            var listed = ModelFolders(clusterTree).Append(modelFolder);
            definition.Add(RepositoryLayout.ClusterKustomization(cluster), Blob(repository, ManifestRenderer.RenderClusterKustomization(listed)), Mode.NonExecutableFile);
        }

        var relisted = new List<string>();
        foreach (var other in clusters?.Where(e => e.TargetType == TreeEntryTargetType.Tree && e.Name != cluster && Dns1123.IsLabel(e.Name)) ?? [])
            if (other.Target is Tree otherTree && otherTree[modelFolder] is not null && RemoveModel(repository, definition, other.Name, otherTree, modelFolder))
                relisted.Add(other.Name);

        var tree = repository.ObjectDatabase.CreateTree(definition);
        if (confined && tree[$"{folder}/{RepositoryLayout.KustomizationFile}"]?.TargetType == TreeEntryTargetType.Blob)
            foreach (var listedCluster in relisted.Append(cluster))
                if (tree[RepositoryLayout.ClusterFolder(listedCluster)]?.Target is Tree listedTree) ListedClusterTrees.Add(listedTree.Id);
        return tree;
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

    // The one folder ModelFolders would test, looked up instead of walked to.
    private static bool IsModelFolder(Tree clusterTree, string modelFolder) =>
        (clusterTree[modelFolder]?.Target as Tree)?[RepositoryLayout.KustomizationFile]?.TargetType == TreeEntryTargetType.Blob;

    // A model moved clusters: Flux must prune it from the old one, so its folder and listing go.
    // CreateTree drops subtrees left empty, so an emptied namespace or cluster folder disappears with them.
    // True when the old cluster keeps models and so a regenerated listing.
    private static bool RemoveModel(Repository repository, TreeDefinition definition, string cluster, Tree clusterTree, string modelFolder)
    {
        definition.Remove($"{RepositoryLayout.ClusterFolder(cluster)}/{modelFolder}");
        var remaining = ModelFolders(clusterTree).Where(f => f != modelFolder).ToList();
        if (remaining.Count == 0)
        {
            definition.Remove(RepositoryLayout.ClusterKustomization(cluster));
            return false;
        }
        definition.Add(RepositoryLayout.ClusterKustomization(cluster), Blob(repository, ManifestRenderer.RenderClusterKustomization(remaining)), Mode.NonExecutableFile);
        return true;
    }

    private static Blob Blob(Repository repository, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return repository.ObjectDatabase.CreateBlob(stream);
    }
}
