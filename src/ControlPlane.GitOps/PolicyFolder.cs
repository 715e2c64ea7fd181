using System.Text;
using ControlPlane.Policies;
using LibGit2Sharp;

namespace ControlPlane.GitOps;

/// <summary>The policies as they stand on the branch, reloaded only when the <c>policies/</c> tree changes.</summary>
internal sealed class PolicyFolder
{
    private ObjectId? _loadedFrom;
    private PolicySet _policies = PolicySet.Load([]);

    public PolicySet At(Tree? head)
    {
        var folder = head?[RepositoryLayout.PoliciesFolder]?.Target as Tree;
        if (folder is null) return _policies = PolicySet.Load([]);
        if (folder.Id == _loadedFrom) return _policies;
        _policies = PolicySet.Load(Files(folder, RepositoryLayout.PoliciesFolder).ToList());
        _loadedFrom = folder.Id;
        return _policies;
    }

    private static IEnumerable<PolicyFile> Files(Tree tree, string prefix)
    {
        foreach (var entry in tree)
        {
            var path = $"{prefix}/{entry.Name}";
            if (entry.Target is Tree subtree)
                foreach (var file in Files(subtree, path)) yield return file;
            else if (entry.Target is Blob blob && (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal)))
                yield return new PolicyFile(path, blob.GetContentText(Encoding.UTF8));
        }
    }
}
