using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

/// <summary>Two writers' clones sharing one remote, as the writer grain moving between silos leaves them.</summary>
public sealed class GitOpsRepositoryCatchUpTests : IDisposable
{
    private readonly TempDirectory _remoteDirectory = new();
    private readonly WriterRepository _first = new();
    private readonly WriterRepository _second = new();

    public GitOpsRepositoryCatchUpTests()
    {
        RemotePath = _remoteDirectory.Combine("remote.git");
        Directory.CreateDirectory(RemotePath);
        GitCli.Run(RemotePath, "init", "--quiet", "--bare", "--initial-branch=main");
    }

    private string RemotePath { get; }

    private GitRemote Remote => new(RemotePath);

    private string[] RemoteDecisionIds() => GitCli.Lines(RemotePath, "log", "main", "--format=%(trailers:key=Decision-Id,valueonly)");

    [Fact]
    public void CatchUp_FreshCloneWhileTheRemoteHasDecisions_TakesTheRemoteBranchAndSeesThem()
    {
        _first.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
        Assert.True(_first.Repository.Push(Remote).Succeeded);

        Assert.Null(_second.Repository.CatchUp(Remote));
        var again = _second.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));

        Assert.Equal(GitCli.Run(RemotePath, "rev-parse", "main").Trim(), _second.Git("rev-parse", "main").Trim());
        Assert.False(again.Committed);
        Assert.Equal("decision already committed", again.Note);
    }

    [Fact]
    public void Push_StaleCloneHoldsADecisionTheRemoteHas_SkipsItInsteadOfCommittingItTwice()
    {
        Assert.True(_first.Repository.Push(Remote).Succeeded);
        Assert.Null(_second.Repository.CatchUp(Remote));
        _first.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
        Assert.True(_first.Repository.Push(Remote).Succeeded);
        // The second clone did not catch up: it commits d-1 again locally, then d-2.
        _second.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
        _second.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 3)));

        var outcome = _second.Repository.Push(Remote);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["d-2", "d-1"], RemoteDecisionIds());
        GitCli.Run(RemotePath, "fsck", "--strict", "--no-progress");
    }

    [Fact]
    public void CatchUp_CloneAheadOfTheRemote_KeepsItsCommitsForThePush()
    {
        Assert.True(_first.Repository.Push(Remote).Succeeded);
        _first.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
        var tip = _first.Git("rev-parse", "main").Trim();

        Assert.Null(_first.Repository.CatchUp(Remote));

        Assert.Equal(tip, _first.Git("rev-parse", "main").Trim());
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        _remoteDirectory.Dispose();
    }
}
