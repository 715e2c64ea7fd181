using LibGit2Sharp;

namespace ControlPlane.GitOps;

/// <summary>Decision ids committed among a branch's last commits, so idempotency costs no log walk per change.</summary>
internal sealed class RecentDecisions(int capacity)
{
    private readonly Dictionary<string, string> shaById = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, string Sha)> oldestFirst = new();
    private ObjectId? knownTip;
    private bool loaded;

    /// <summary>The sha of the commit that carries the decision, or null.</summary>
    public string? Find(IRepository repository, Commit? tip, string decisionId)
    {
        // Reload when the branch moved under us (a fetch, a hand-made commit): the cache only knows our own commits.
        if (!loaded || tip?.Id != knownTip) Load(repository, tip);
        return shaById.GetValueOrDefault(decisionId);
    }

    /// <summary>Drops everything: the next lookup reloads from the branch.</summary>
    public void Forget() => loaded = false;

    public void Remember(string decisionId, Commit commit)
    {
        Add(decisionId, commit.Sha);
        knownTip = commit.Id;
    }

    private void Load(IRepository repository, Commit? tip)
    {
        shaById.Clear();
        oldestFirst.Clear();
        if (tip is not null)
        {
            var filter = new CommitFilter { IncludeReachableFrom = tip, FirstParentOnly = true, SortBy = CommitSortStrategies.Topological };
            var newestFirst = repository.Commits.QueryBy(filter).Take(capacity).ToList();
            for (var i = newestFirst.Count - 1; i >= 0; i--)
                if (CommitMessage.DecisionId(newestFirst[i].Message) is { Length: > 0 } id) Add(id, newestFirst[i].Sha);
        }
        knownTip = tip?.Id;
        loaded = true;
    }

    private void Add(string decisionId, string sha)
    {
        shaById[decisionId] = sha;
        oldestFirst.Enqueue((decisionId, sha));
        while (oldestFirst.Count > capacity)
        {
            var (id, evictedSha) = oldestFirst.Dequeue();
            if (shaById.GetValueOrDefault(id) == evictedSha) shaById.Remove(id);
        }
    }
}
