using LibGit2Sharp;

namespace ControlPlane.GitOps;

/// <summary>
/// Pushing to a remote, never forced. The local repository is the durable queue: whatever the branch has
/// that the remote lacks is pushed. When someone else moved the remote branch, it is fetched and our
/// commits are replayed on top of it, carrying only the files they changed (the plane's own), and a
/// replayed commit that overwrites a file someone else changed says so in its message.
/// </summary>
public sealed partial class GitOpsRepository
{
    private const string RemoteName = "controlplane";
    private const int PushAttempts = 3;

    private string TrackingRef => $"refs/remotes/{RemoteName}/{branch}";

    // Replay works on plain adds, changes and deletes: a model moving clusters must not turn into a rename that keeps the old folder.
    private static readonly CompareOptions NoRenames = new() { Similarity = SimilarityOptions.None };

    /// <summary>Pushes the branch to <paramref name="remote"/>; a failure is a value, retried by the caller.</summary>
    public PushOutcome Push(GitRemote remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var target = remote.IsSsh ? null : EnsureRemote(remote);
        var replayed = 0;
        var overwritten = new List<string>();
        for (var attempt = 0; attempt < PushAttempts; attempt++)
        {
            if (Fetch(remote) is { } fetchError) return PushOutcome.Failed(Redact(fetchError, remote));
            var remoteTip = (repository.Refs[TrackingRef]?.ResolveToDirectReference()?.Target as Commit);
            var localTip = repository.Branches[branch]!.Tip;
            if (remoteTip is not null && remoteTip.Id == localTip.Id) return new PushOutcome(true, 0, replayed, overwritten, null);
            if (remoteTip is not null && !IsAncestor(remoteTip, localTip))
            {
                var (tip, count, files) = Replay(localTip, remoteTip, remote);
                MoveBranch(tip);
                decisions.Forget(); // replayed commits have new ids
                replayed += count;
                overwritten.AddRange(files);
                localTip = tip;
            }
            var ahead = remoteTip is null ? CountCommits(localTip, null) : CountCommits(localTip, remoteTip);
            var (rejected, pushError) = PushBranch(remote, target);
            if (pushError is not null) return PushOutcome.Failed(Redact(pushError, remote));
            if (!rejected)
            {
                repository.Refs.UpdateTarget(repository.Refs[TrackingRef] ?? repository.Refs.Add(TrackingRef, localTip.Id), localTip.Id);
                logger.Pushed(ahead, branch, remote.Redacted, replayed);
                return new PushOutcome(true, ahead, replayed, overwritten, null);
            }
        }
        return new PushOutcome(false, 0, replayed, overwritten, $"the remote rejected the push {PushAttempts} times");
    }

    /// <summary>
    /// Moves a stale clone to the remote's branch before the writer commits on it: the writer moves between silos,
    /// each with its own clone, and must see what the others pushed. A clone that has commits the remote lacks keeps
    /// them; the next push replays those whose decisions the remote does not have. Null on success, else why not.
    /// </summary>
    public string? CatchUp(GitRemote remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!remote.IsSsh) EnsureRemote(remote);
        if (Fetch(remote) is { } fetchError) return Redact(fetchError, remote);
        if (repository.Refs[TrackingRef]?.ResolveToDirectReference()?.Target is not Commit remoteTip) return null; // an empty remote: ours seeds it
        var localTip = repository.Branches[branch]!.Tip;
        if (localTip.Id == remoteTip.Id) return null;
        // Behind, or only our own seed commit (a fresh clone whose first commit the remote never saw).
        var behind = IsAncestor(localTip, remoteTip) || (!localTip.Parents.Any() && repository.ObjectDatabase.FindMergeBase(localTip, remoteTip) is null);
        if (!behind) return null;
        MoveBranch(remoteTip);
        decisions.Forget();
        logger.CaughtUp(branch, remote.Redacted, remoteTip.Sha);
        return null;
    }

    /// <summary>Null when the remote branch is fetched (or does not exist yet: an empty remote), else why not.</summary>
    private string? Fetch(GitRemote remote)
    {
        if (remote.IsSsh)
        {
            var (exit, output) = SshGit.Run(path, remote, "fetch", "--quiet", remote.Url, $"+{branchRef}:{TrackingRef}");
            return exit == 0 || output.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase) ? null : $"fetch failed: {output}";
        }
        var deadline = new TransferDeadline(TransferDeadline.Default);
        try
        {
            repository.Network.Fetch(RemoteName, [$"+{branchRef}:{TrackingRef}"], new FetchOptions
            {
                CredentialsProvider = Credentials(remote),
                OnTransferProgress = _ => deadline.Continue(),
                OnProgress = _ => deadline.Continue(),
            });
            return null;
        }
        catch (LibGit2SharpException ex) when (!IsMissingBranch(ex) || deadline.Expired)
        {
            return deadline.Describe("fetch", ex.Message);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>Pushes the branch, never forced: rejected when someone pushed since our fetch (fetch again), or an error.</summary>
    private (bool Rejected, string? Error) PushBranch(GitRemote remote, Remote? target)
    {
        if (remote.IsSsh)
        {
            var (exit, output) = SshGit.Run(path, remote, "push", "--quiet", remote.Url, $"{branchRef}:{branchRef}");
            if (exit == 0) return (false, null);
            return IsNotFastForward(output) ? (true, null) : (false, $"push failed: {output}");
        }
        string? rejected = null;
        var deadline = new TransferDeadline(TransferDeadline.Default);
        try
        {
            repository.Network.Push(target, $"{branchRef}:{branchRef}", new PushOptions
            {
                CredentialsProvider = Credentials(remote),
                OnPushStatusError = error => rejected = error.Message,
                OnPushTransferProgress = (_, _, _) => deadline.Continue(),
                OnPackBuilderProgress = (_, _, _) => deadline.Continue(),
                OnNegotiationCompletedBeforePush = _ => deadline.Continue(),
            });
        }
        catch (NonFastForwardException)
        {
            return (true, null);
        }
        catch (LibGit2SharpException ex)
        {
            return (false, deadline.Describe("push", ex.Message));
        }
        // Only "someone pushed first" is worth a fetch and replay; a hook or a protected branch refusing is an error with its reason.
        if (rejected is null) return (false, null);
        return IsNotFastForward(rejected) ? (true, null) : (false, $"the remote refused the push: {rejected}");
    }

    private static bool IsNotFastForward(string message) =>
        message.Contains("non-fast-forward", StringComparison.OrdinalIgnoreCase)
        || message.Contains("non-fastforward", StringComparison.OrdinalIgnoreCase)
        || message.Contains("fetch first", StringComparison.OrdinalIgnoreCase);

    // Errors may quote the URL, and a URL may carry credentials: never let them reach logs or status.
    private static string Redact(string error, GitRemote remote) =>
        remote.Url == remote.Redacted ? error : error.Replace(remote.Url, remote.Redacted, StringComparison.Ordinal);

    /// <summary>Commits on the branch that the remote does not have yet (all of them before the first push).</summary>
    public int Unpushed()
    {
        var localTip = repository.Branches[branch]?.Tip;
        var remoteTip = repository.Refs[TrackingRef]?.ResolveToDirectReference()?.Target as Commit;
        return localTip is null ? 0 : CountCommits(localTip, remoteTip);
    }

    private Remote EnsureRemote(GitRemote remote)
    {
        var existing = repository.Network.Remotes[RemoteName];
        if (existing is not null && existing.Url == remote.Url) return existing;
        if (existing is not null) repository.Network.Remotes.Remove(RemoteName);
        return repository.Network.Remotes.Add(RemoteName, remote.Url, $"+{branchRef}:{TrackingRef}");
    }

    private static LibGit2Sharp.Handlers.CredentialsHandler? Credentials(GitRemote remote) =>
        remote.Token is null ? null : (_, _, _) => new UsernamePasswordCredentials { Username = "x-access-token", Password = remote.Token() ?? "" };

    // An empty remote has no branch to fetch: that is the seeding case, not an error.
    private static bool IsMissingBranch(LibGit2SharpException ex) =>
        ex.Message.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase);

    private bool IsAncestor(Commit ancestor, Commit of) =>
        repository.ObjectDatabase.FindMergeBase(ancestor, of)?.Id == ancestor.Id;

    private int CountCommits(Commit from, Commit? notReachableFrom) =>
        repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = from, ExcludeReachableFrom = notReachableFrom }).Count();

    /// <summary>Our commits since the common ancestor, oldest first, each re-made on top of the remote's tip with only its own changes.</summary>
    private (Commit Tip, int Count, List<string> Overwritten) Replay(Commit localTip, Commit remoteTip, GitRemote remote)
    {
        var common = repository.ObjectDatabase.FindMergeBase(localTip, remoteTip);
        var ours = repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = localTip, ExcludeReachableFrom = common, FirstParentOnly = true, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse })
            .Where(c => c.Parents.Any()) // with unrelated histories our seed commit is not replayed: the remote's layout stands
            .ToList();
        var theirs = common is null ? null : repository.Diff.Compare<TreeChanges>(common.Tree, remoteTip.Tree, NoRenames).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var tip = remoteTip;
        var overwritten = new List<string>();
        // A writer that moved between silos may hold a decision another writer already pushed: never commit it twice.
        var onRemote = new RecentDecisions(DecisionLookback);
        var already = ours.Where(c => CommitMessage.DecisionId(c.Message) is { Length: > 0 } id && onRemote.Find(repository, remoteTip, id) is not null).ToHashSet();
        if (already.Count > 0) logger.SkippedAlreadyOnRemote(remote.Redacted, already.Count);
        ours = ours.Where(c => !already.Contains(c)).ToList();
        foreach (var commit in ours)
        {
            var definition = TreeDefinition.From(tip.Tree);
            var mine = new List<string>();
            foreach (var change in repository.Diff.Compare<TreeChanges>(commit.Parents.First().Tree, commit.Tree, NoRenames))
            {
                var theirsNow = tip[change.Path]?.Target?.Id;
                if (change.Status == ChangeKind.Deleted) definition.Remove(change.Path);
                else definition.Add(change.Path, (Blob)commit[change.Path].Target, change.Mode);
                var ourContent = change.Status == ChangeKind.Deleted ? null : change.Oid;
                if ((theirs is null || theirs.Contains(change.Path)) && theirsNow is not null && theirsNow != ourContent) mine.Add(change.Path);
            }
            var message = mine.Count == 0 ? commit.Message : CommitMessage.WithNote(commit.Message, $"Overwrote changes made by others to: {string.Join(", ", mine)}");
            var signature = new Signature(author.Name, author.Email, time.GetUtcNow());
            tip = MakeCommit(commit.Author, signature, message, repository.ObjectDatabase.CreateTree(definition), tip);
            overwritten.AddRange(mine);
        }
        return (tip, ours.Count, overwritten);
    }
}
