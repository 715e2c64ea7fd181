using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

public class GitOpsRepositoryBatchTests
{
    [Fact]
    public void ApplyAll_ThreeDecisions_MakesOneCommitEachInOrder()
    {
        using var writer = new WriterRepository();

        var outcomes = writer.Repository.ApplyAll([
            DesiredStates.Change("d-1", DesiredStates.Model(name: "a", replicas: 1)),
            DesiredStates.Change("d-2", DesiredStates.Model(name: "b", replicas: 2)),
            DesiredStates.Change("d-3", DesiredStates.Model(name: "a", replicas: 3)),
        ]);

        Assert.All(outcomes, o => Assert.True(o.Committed));
        Assert.Equal(["d-3", "d-2", "d-1"], GitCli.Lines(writer.BarePath, "log", "-3", "--format=%(trailers:key=Decision-Id,valueonly)").Where(l => l.Length > 0));
        Assert.Equal(outcomes[2].Sha, writer.Git("rev-parse", "main").Trim());
        Assert.Equal(outcomes[1].Sha, writer.Git("rev-parse", "main~1").Trim()); // each commit's parent is the one before it
        var built = Kustomize.Build(Path.Combine(writer.Clone(), "clusters", "prod-eu"));
        Assert.Contains("  replicas: 3\n", built, StringComparison.Ordinal);
        Assert.Contains("  replicas: 2\n", built, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyAll_SameDecisionTwiceInOneBatch_CommitsItOnce()
    {
        using var writer = new WriterRepository();
        var change = DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2));

        var outcomes = writer.Repository.ApplyAll([change, change]);

        Assert.True(outcomes[0].Committed);
        Assert.False(outcomes[1].Committed);
        Assert.Equal(outcomes[0].Sha, outcomes[1].Sha);
        Assert.Equal("2", writer.Git("rev-list", "--count", "main").Trim()); // the initial commit and d-1
    }

    [Fact]
    public void ApplyAll_BlankDecisionIdAnywhere_ChangesNothing()
    {
        using var writer = new WriterRepository();
        var head = writer.Git("rev-parse", "main").Trim();

        Assert.Throws<ArgumentException>(() => writer.Repository.ApplyAll([
            DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)),
            DesiredStates.Change(" ", DesiredStates.Model(replicas: 3)),
        ]));

        Assert.Equal(head, writer.Git("rev-parse", "main").Trim());
        Assert.True(writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2))).Committed);
    }
}
