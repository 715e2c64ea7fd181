using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

public sealed class GitOpsRepositoryPushTests : IDisposable
{
    private readonly TempDirectory _others = new();
    private readonly WriterRepository _writer = new();

    public GitOpsRepositoryPushTests()
    {
        RemotePath = _others.Combine("remote.git");
        Directory.CreateDirectory(RemotePath);
        GitCli.Run(RemotePath, "init", "--quiet", "--bare", "--initial-branch=main");
    }

    private string RemotePath { get; }

    private GitRemote Remote => new(RemotePath);

    /// <summary>Someone else clones the remote, changes a file and pushes, as a platform engineer would.</summary>
    private string OthersCommit(string file, string content)
    {
        var clone = GitCli.Clone(RemotePath, _others.Combine($"clone-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(clone, file))!);
        File.WriteAllText(Path.Combine(clone, file), content);
        GitCli.Run(clone, "add", file);
        GitCli.Run(clone, "-c", "user.name=someone", "-c", "user.email=someone@example.com", "commit", "--quiet", "-m", $"Edit {file}");
        GitCli.Run(clone, "push", "--quiet", "origin", "main");
        return GitCli.Run(clone, "rev-parse", "HEAD").Trim();
    }

    [Fact]
    public void Push_EmptyRemote_SeedsItWithTheBranch()
    {
        _writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model()));

        var outcome = _writer.Repository.Push(Remote);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, outcome.Pushed); // the initial layout and d-1
        Assert.Equal(_writer.Git("rev-parse", "main").Trim(), GitCli.Run(RemotePath, "rev-parse", "main").Trim());
        GitCli.Run(RemotePath, "fsck", "--strict", "--no-progress");
        Assert.Equal(0, _writer.Repository.Unpushed());
    }

    [Fact]
    public void Push_OthersCommittedMeanwhile_ReplaysOursOnTopWithoutForcing()
    {
        _writer.Repository.Push(Remote);
        var theirs = OthersCommit("docs/runbook.md", "# on-call\n");
        _writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 4)));

        var outcome = _writer.Repository.Push(Remote);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, outcome.Replayed);
        Assert.Empty(outcome.Overwritten);
        GitCli.Run(RemotePath, "merge-base", "--is-ancestor", theirs, "main"); // their commit is kept: no force push
        Assert.Empty(GitCli.Lines(RemotePath, "rev-list", "--merges", "main")); // linear history
        Assert.Equal(["d-1"], GitCli.Lines(RemotePath, "log", "-1", "--format=%(trailers:key=Decision-Id,valueonly)"));
        Assert.Contains("replicas: 4", GitCli.Run(RemotePath, "show", "main:clusters/prod-eu/risk/fraud-mm/deployment.yaml"), StringComparison.Ordinal);
        Assert.Equal("# on-call\n", GitCli.Run(RemotePath, "show", "main:docs/runbook.md"));
        GitCli.Run(RemotePath, "fsck", "--strict", "--no-progress");
    }

    [Fact]
    public void Push_OthersEditedAFileThePlaneOwns_PlaneWinsAndSaysWhatItOverwrote()
    {
        _writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
        _writer.Repository.Push(Remote);
        const string path = "clusters/prod-eu/risk/fraud-mm/deployment.yaml";
        OthersCommit(path, "hand-edited: replicas: 9\n");
        _writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 3)));

        var outcome = _writer.Repository.Push(Remote);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal([path], outcome.Overwritten);
        Assert.Contains($"Overwrote changes made by others to: {path}", GitCli.Run(RemotePath, "log", "-1", "--format=%B"), StringComparison.Ordinal);
        Assert.Equal(["d-2"], GitCli.Lines(RemotePath, "log", "-1", "--format=%(trailers:key=Decision-Id,valueonly)"));
        Assert.Contains("  replicas: 3\n", GitCli.Run(RemotePath, "show", $"main:{path}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Push_ModelMovedClustersWhileOthersPushed_ReplayLeavesNothingInTheOldCluster()
    {
        _writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(cluster: "prod-eu")));
        _writer.Repository.Push(Remote);
        OthersCommit("docs/runbook.md", "# on-call\n");
        _writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(cluster: "prod-us")));

        var outcome = _writer.Repository.Push(Remote);

        Assert.True(outcome.Succeeded, outcome.Error);
        var files = GitCli.Lines(RemotePath, "ls-tree", "-r", "--name-only", "main");
        Assert.DoesNotContain(files, f => f.StartsWith("clusters/prod-eu/", StringComparison.Ordinal));
        Assert.Contains("clusters/prod-us/risk/fraud-mm/deployment.yaml", files);
        Assert.Contains("docs/runbook.md", files);
    }

    [Fact]
    public void Push_RemoteUnreachable_FailsThenPushesEachDecisionOnceWhenBack()
    {
        var later = new GitRemote(_others.Combine("not-yet.git"));
        _writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));

        var down = _writer.Repository.Push(later);
        Directory.CreateDirectory(later.Url);
        GitCli.Run(later.Url, "init", "--quiet", "--bare", "--initial-branch=main");
        _writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 3)));
        var up = _writer.Repository.Push(later);

        Assert.False(down.Succeeded);
        Assert.False(string.IsNullOrEmpty(down.Error));
        Assert.True(up.Succeeded, up.Error);
        Assert.Equal(["d-2", "d-1"], GitCli.Lines(later.Url, "log", "--format=%(trailers:key=Decision-Id,valueonly)"));
    }

    [Fact]
    public void Push_AfterACrashBeforePushing_PushesWhatWasCommitted()
    {
        _writer.Repository.Push(Remote);
        _writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
        _writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 3)));

        _writer.Reopen(); // the silo died after committing and before pushing
        Assert.Equal(2, _writer.Repository.Unpushed());
        var outcome = _writer.Repository.Push(Remote);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, outcome.Pushed);
        Assert.Equal(["d-2", "d-1"], GitCli.Lines(RemotePath, "log", "-2", "--format=%(trailers:key=Decision-Id,valueonly)"));
        Assert.Equal(0, _writer.Repository.Unpushed());
    }

    [Fact]
    public void Apply_AfterReplay_StillRecognisesReplayedDecisions()
    {
        _writer.Repository.Push(Remote);
        OthersCommit("docs/runbook.md", "x\n");
        var change = DesiredStates.Change("d-1", DesiredStates.Model(replicas: 4));
        _writer.Repository.Apply(change);
        _writer.Repository.Push(Remote);

        var again = _writer.Repository.Apply(change);

        Assert.False(again.Committed);
        Assert.Equal(_writer.Git("rev-parse", "main").Trim(), again.Sha);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _others.Dispose();
    }
}
