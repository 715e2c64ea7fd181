using ControlPlane.GitOps.Tests.Fixtures;
using LibGit2Sharp;

namespace ControlPlane.GitOps.Tests;

public class RecentDecisionsTests
{
    [Fact]
    public void Find_DecisionWithinLookback_ReturnsItsCommit()
    {
        using var writer = new WriterRepository();
        var first = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 3)));
        using var repository = new Repository(writer.BarePath);

        var found = new RecentDecisions(capacity: 2).Find(repository, repository.Branches["main"].Tip, "d-1");

        Assert.Equal(first.Sha, found);
    }

    [Fact]
    public void Find_DecisionOlderThanLookback_IsForgotten()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 3)));
        writer.Repository.Apply(DesiredStates.Change("d-3", DesiredStates.Model(replicas: 4)));
        using var repository = new Repository(writer.BarePath);
        var decisions = new RecentDecisions(capacity: 2);

        Assert.Null(decisions.Find(repository, repository.Branches["main"].Tip, "d-1"));
        Assert.NotNull(decisions.Find(repository, repository.Branches["main"].Tip, "d-2"));
    }

    [Fact]
    public void Remember_PastCapacity_EvictsTheOldestDecision()
    {
        using var writer = new WriterRepository();
        using var repository = new Repository(writer.BarePath);
        var decisions = new RecentDecisions(capacity: 1);
        var tip = repository.Branches["main"].Tip;
        Assert.Null(decisions.Find(repository, tip, "d-1"));

        decisions.Remember("d-1", tip);
        decisions.Remember("d-2", tip);

        Assert.Null(decisions.Find(repository, tip, "d-1"));
        Assert.Equal(tip.Sha, decisions.Find(repository, tip, "d-2"));
    }
}
