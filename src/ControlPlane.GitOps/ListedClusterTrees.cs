using LibGit2Sharp;

namespace ControlPlane.GitOps;

/// <summary>
/// Ids of cluster trees whose kustomization.yaml lists exactly their model folders, as the writer left them.
/// A tree id names the tree's content, so what holds for an id holds in every repository: one set serves all.
/// </summary>
internal static class ListedClusterTrees
{
    // Enough for every cluster's latest tree in the repositories of one process; a forgotten id costs one folder walk.
    private const int Capacity = 1024;
    private static readonly Lock Gate = new();
    private static readonly HashSet<ObjectId> Known = [];
    private static readonly Queue<ObjectId> OldestFirst = new();

    public static bool Contains(ObjectId clusterTree)
    {
        lock (Gate) return Known.Contains(clusterTree);
    }

    public static void Add(ObjectId clusterTree)
    {
        lock (Gate)
        {
            if (!Known.Add(clusterTree)) return;
            OldestFirst.Enqueue(clusterTree);
            if (OldestFirst.Count > Capacity) Known.Remove(OldestFirst.Dequeue());
        }
    }
}
