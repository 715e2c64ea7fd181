using System.Text;
using ControlPlane.Core.GitOps;
using ControlPlane.Policies;
using LibGit2Sharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlPlane.GitOps;

/// <summary>The desired-state repository: commits rendered manifests to one branch of a bare repository, without a work tree; one caller at a time.</summary>
public sealed partial class GitOpsRepository : IDisposable
{
    /// <summary>How many of the branch's latest commits are searched for an already-committed decision id.</summary>
    public const int DecisionLookback = 500;

    private readonly Repository repository;
    private readonly string path;
    private readonly string branch;
    private readonly string branchRef;
    private readonly GitAuthor author;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly RecentDecisions decisions = new(DecisionLookback);
    private readonly PolicyFolder policies = new();
    private long commitsWritten;

    private readonly CommitSigner? signer;

    private GitOpsRepository(Repository repository, string path, string branch, GitAuthor author, TimeProvider time, ILogger logger, CommitSigner? signer)
    {
        (this.repository, this.path, this.branch, this.author, this.time, this.logger, this.signer) = (repository, path, branch, author, time, logger, signer);
        branchRef = $"refs/heads/{branch}";
    }

    /// <summary>Opens the bare repository, creating it with its first commit if needed; a <c>signer</c> signs every commit (SSH, as git's gpg.format=ssh).</summary>
    public static GitOpsRepository OpenOrCreate(string bareRepositoryPath, string branch, GitAuthor author, TimeProvider time, ILogger? logger = null, CommitSigner? signer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bareRepositoryPath);
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(branch) || !Reference.IsValidName($"refs/heads/{branch}"))
            throw new ArgumentException($"branch '{branch}' is not a valid Git branch name.", nameof(branch));

        var path = Path.GetFullPath(bareRepositoryPath);
        var repository = new Repository(Repository.IsValid(path) ? path : InitBare(path));
        try
        {
            // Updating a checked-out branch behind its work tree's back would leave that work tree stale.
            if (!repository.Info.IsBare) throw new InvalidOperationException($"'{path}' is a repository with a work tree; the GitOps writer needs a bare repository.");
            var opened = new GitOpsRepository(repository, path, branch, author, time, logger ?? NullLogger.Instance, signer);
            opened.EnsureBranch();
            return opened;
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    /// <summary>Commits the change's desired state, unless its decision is already committed or Git already holds that state.</summary>
    public CommitOutcome Apply(DesiredStateChange change) => ApplyAll([change])[0];

    /// <summary>
    /// Commits each change in order, one commit per decision, and moves the branch once at the end: all of
    /// them reach the branch or none do. Outcomes are in the order of <paramref name="changes"/>.
    /// </summary>
    /// <param name="changes">The decisions to commit, in order.</param>
    /// <param name="render">Renders a desired state; a caller that rendered it already (for the policy check) passes what it has.</param>
    public IReadOnlyList<CommitOutcome> ApplyAll(IReadOnlyList<DesiredStateChange> changes,
        Func<ModelDesiredState, IReadOnlyDictionary<string, string>>? render = null)
    {
        render ??= ManifestRenderer.RenderModel;
        ArgumentNullException.ThrowIfNull(changes);
        var ids = changes.Select(c => CommitMessage.OneLine(c.DecisionId)).ToList();
        if (ids.Any(id => id.Length == 0)) throw new ArgumentException("a change needs a decision id: it is what makes applying it idempotent.", nameof(changes));

        var head = repository.Branches[branch]?.Tip;
        var tip = head;
        var outcomes = new List<CommitOutcome>(changes.Count);
        var made = new List<(Commit Commit, DesiredStateChange Change, string DecisionId)>();
        try
        {
            for (var i = 0; i < changes.Count; i++)
            {
                if (decisions.Find(repository, tip, ids[i]) is { } committedSha)
                {
                    outcomes.Add(new CommitOutcome(committedSha, false, "decision already committed"));
                    continue;
                }
                var rendered = render(changes[i].Desired);
                // Fail closed: nothing a policy on the branch denies is ever committed.
                if (PolicyGate.Check(policies.At(tip?.Tree), rendered) is { Allowed: false } check)
                {
                    outcomes.Add(new CommitOutcome(null, false, "denied by policy", check.Denials));
                    continue;
                }
                var tree = DesiredStateTree.Build(repository, tip?.Tree, changes[i].Desired, rendered);
                if (tip is not null && tree.Id == tip.Tree.Id)
                {
                    outcomes.Add(new CommitOutcome(tip.Sha, false, "no change: the desired state is already in Git"));
                    continue;
                }
                tip = CreateCommit(CommitMessage.For(changes[i]), tree, tip);
                decisions.Remember(ids[i], tip);
                made.Add((tip, changes[i], ids[i]));
                outcomes.Add(new CommitOutcome(tip.Sha, true, $"committed {tip.Sha[..12]}"));
            }
            if (tip is not null && tip != head) MoveBranch(tip);
        }
        catch
        {
            decisions.Forget(); // it may remember commits that never reached the branch
            throw;
        }
        foreach (var (commit, change, decisionId) in made)
        {
            Interlocked.Increment(ref commitsWritten);
            logger.Committed(commit.Sha, branch, change.Desired.Model, change.Kind, decisionId);
        }
        return outcomes;
    }

    /// <summary>The policies on the branch head.</summary>
    public PolicySet Policies() => policies.At(repository.Branches[branch]?.Tip?.Tree);

    public GitOpsStatus Status()
    {
        var tip = repository.Branches[branch]?.Tip;
        return new GitOpsStatus(path, branch, tip?.Sha, tip?.MessageShort, tip?.Committer.When, 0, Interlocked.Read(ref commitsWritten));
    }

    public void Dispose() => repository.Dispose();

    private static string InitBare(string path)
    {
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
            throw new InvalidOperationException($"'{path}' is neither a Git repository nor empty; refusing to create a repository over its files.");
        return Repository.Init(path, isBare: true);
    }

    private void EnsureBranch()
    {
        if (repository.Refs[branchRef] is null)
        {
            var definition = new TreeDefinition();
            // The default policies are seeded as files, so that Flux can apply them to the cluster as well.
            foreach (var (file, content) in RepositoryGuides.Files.Select(f => (f.Key, f.Value)).Concat(DefaultPolicies.Files.Select(f => (f.Path, f.Content))))
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                definition.Add(file, repository.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
            }
            var first = Commit("Initialize the ControlPlane desired-state repository\n", repository.ObjectDatabase.CreateTree(definition), null);
            logger.BranchCreated(branch, first.Sha, path);
        }
        // A fresh bare repository's HEAD names an unborn master, which git fsck reports.
        if (repository.Info.IsHeadUnborn)
            repository.Refs.UpdateTarget(repository.Refs.Head, repository.Refs[branchRef]);
    }

    private Commit Commit(string message, Tree tree, Commit? parent)
    {
        var commit = CreateCommit(message, tree, parent);
        MoveBranch(commit);
        return commit;
    }

    private Commit CreateCommit(string message, Tree tree, Commit? parent)
    {
        var signature = new Signature(author.Name, author.Email, time.GetUtcNow());
        return MakeCommit(signature, signature, message, tree, parent);
    }

    /// <summary>Every commit the plane makes goes through here, so that signing, when configured, covers all of them.</summary>
    private Commit MakeCommit(Signature commitAuthor, Signature committer, string message, Tree tree, Commit? parent)
    {
        Commit[] parents = parent is null ? [] : [parent];
        if (signer is null) return repository.ObjectDatabase.CreateCommit(commitAuthor, committer, message, tree, parents, prettifyMessage: false);
        var content = LibGit2Sharp.Commit.CreateBuffer(commitAuthor, committer, message, tree, parents, prettifyMessage: false, commentChar: null);
        var id = repository.ObjectDatabase.CreateCommitWithSignature(content, signer.Sign(content));
        return repository.Lookup<Commit>(id);
    }

    private void MoveBranch(Commit tip)
    {
        var logMessage = $"commit: {tip.MessageShort}";
        if (repository.Refs[branchRef] is { } reference) repository.Refs.UpdateTarget(reference, tip.Id, logMessage);
        else repository.Refs.Add(branchRef, tip.Id, logMessage);
    }
}
