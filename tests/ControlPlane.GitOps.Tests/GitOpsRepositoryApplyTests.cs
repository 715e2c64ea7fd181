using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

public class GitOpsRepositoryApplyTests
{
    [Fact]
    public void Apply_NewModel_CommitsManifestsThatKustomizeBuilds()
    {
        using var writer = new WriterRepository();

        var outcome = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));

        Assert.True(outcome.Committed);
        Assert.Equal(writer.Git("rev-parse", "main").Trim(), outcome.Sha);
        var output = Kustomize.Build(Path.Combine(writer.Clone(), "clusters", "prod-eu"));
        Assert.Contains("  replicas: 3\n", output, StringComparison.Ordinal);
        Assert.Contains("ai-alignment-report-id: AR-2026-0117", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SpotModel_KustomizeBuildsNodeSelectorAndToleration()
    {
        using var writer = new WriterRepository();
        var desired = DesiredStates.Model() with { Spec = DesiredStates.Spec() with { CapacityType = "spot" } };

        writer.Repository.Apply(DesiredStates.Change("d-1", desired));

        var output = Kustomize.Build(Path.Combine(writer.Clone(), "clusters", "prod-eu"));
        Assert.Contains("controlplane.io/capacity-type: spot\n", output, StringComparison.Ordinal);
        Assert.Contains("key: controlplane.io/capacity-type", output, StringComparison.Ordinal);
        Assert.Contains("effect: NoSchedule", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NewModel_WritesExactlyTheRenderedFiles()
    {
        using var writer = new WriterRepository();
        var desired = DesiredStates.Model();

        writer.Repository.Apply(DesiredStates.Change("d-1", desired));

        var clone = writer.Clone();
        foreach (var (path, content) in ManifestRenderer.RenderModel(desired))
            Assert.Equal(content, File.ReadAllText(Path.Combine(clone, path)));
        Assert.Equal(ManifestRenderer.RenderClusterKustomization(["risk/fraud-mm"]),
            File.ReadAllText(Path.Combine(clone, "clusters", "prod-eu", "kustomization.yaml")));
        Assert.Equal("100644", writer.Git("ls-tree", "main", "clusters/prod-eu/risk/fraud-mm/deployment.yaml").Split(' ')[0]);
    }

    [Fact]
    public void Apply_NewModel_CommitCarriesQueryableTrailers()
    {
        using var writer = new WriterRepository();

        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(), kind: "register", reason: "registered by pipeline"));

        Assert.Equal("d-1", writer.Git("log", "-1", "--format=%(trailers:key=Decision-Id,valueonly)").Trim());
        Assert.Equal("register", writer.Git("log", "-1", "--format=%(trailers:key=Decision-Kind,valueonly)").Trim());
        Assert.Equal("risk/fraud-mm", writer.Git("log", "-1", "--format=%(trailers:key=Model,valueonly)").Trim());
        Assert.Equal("registered by pipeline", writer.Git("log", "-1", "--format=%(trailers:key=Reason,valueonly)").Trim());
    }

    [Fact]
    public void Apply_ReasonWithForgedTrailer_LogShowsOnlyTheRealDecisionId()
    {
        using var writer = new WriterRepository();

        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(), reason: "spike\nDecision-Id: forged\r\nReason: none"));

        Assert.Equal(["d-1"], GitCli.Lines(writer.BarePath, "log", "-1", "--format=%(trailers:key=Decision-Id,valueonly)"));
    }

    [Fact]
    public void Apply_NewReplicas_MakesSecondCommit()
    {
        using var writer = new WriterRepository();
        var first = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));

        writer.Time.Advance(TimeSpan.FromMinutes(1));
        var second = writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 5)));

        Assert.True(second.Committed);
        Assert.NotEqual(first.Sha, second.Sha);
        Assert.Equal(["d-2", "d-1"], GitCli.Lines(writer.BarePath, "log", "--format=%(trailers:key=Decision-Id,valueonly)"));
        Assert.Equal(first.Sha, writer.Git("rev-parse", "main~1").Trim());
        Assert.Equal("2026-01-17T09:31:00+00:00", writer.Git("log", "-1", "--format=%cI").Trim());
        Assert.Contains("  replicas: 5\n", Kustomize.Build(Path.Combine(writer.Clone(), "clusters", "prod-eu")), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SameDecisionIdTwice_CommitsOnce()
    {
        using var writer = new WriterRepository();
        var first = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));

        var again = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 4)));

        Assert.Equal(new Core.GitOps.CommitOutcome(first.Sha, false, "decision already committed"), again);
        Assert.Equal(2, GitCli.CommitCount(writer.BarePath));
    }

    [Fact]
    public void Apply_SameDecisionIdAfterReopen_CommitsOnce()
    {
        using var writer = new WriterRepository();
        var first = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));
        writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 4)));

        writer.Reopen();
        var again = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));

        Assert.False(again.Committed);
        Assert.Equal(first.Sha, again.Sha);
        Assert.Equal(3, GitCli.CommitCount(writer.BarePath));
    }

    [Fact]
    public void Apply_DecisionCommittedByAnotherWriter_IsNotCommittedAgain()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));
        using var other = writer.Open();
        var byOther = other.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 4)));

        var again = writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 4)));

        Assert.Equal(new Core.GitOps.CommitOutcome(byOther.Sha, false, "decision already committed"), again);
    }

    [Fact]
    public void Apply_ChangeRenderingToTheSameTree_MakesNoCommit()
    {
        using var writer = new WriterRepository();
        var first = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));

        var same = writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 3)));

        Assert.Equal(new Core.GitOps.CommitOutcome(first.Sha, false, "no change: the desired state is already in Git"), same);
        Assert.Equal(2, GitCli.CommitCount(writer.BarePath));
    }

    [Fact]
    public void Apply_Commit_LogsShaModelAndKind()
    {
        using var writer = new WriterRepository();

        var outcome = writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(), kind: "scale"));

        var entry = Assert.Single(writer.Logger.Entries, e => e.Fields.ContainsKey("DecisionId"));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, entry.Level);
        Assert.Equal(outcome.Sha, entry.Fields["Sha"]);
        Assert.Equal("risk/fraud-mm", entry.Fields["Model"]?.ToString());
        Assert.Equal("scale", entry.Fields["Kind"]);
    }

    [Fact]
    public void Apply_BlankDecisionId_Throws()
    {
        using var writer = new WriterRepository();

        Assert.Throws<ArgumentException>(() => writer.Repository.Apply(DesiredStates.Change(" \n", DesiredStates.Model())));
    }

    [Fact]
    public void Status_AfterTwoCommits_ReportsHeadAndCommitsWritten()
    {
        using var writer = new WriterRepository();
        writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));
        writer.Time.Advance(TimeSpan.FromSeconds(30));
        var last = writer.Repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 4)));

        var status = writer.Repository.Status();

        Assert.Equal(last.Sha, status.HeadSha);
        Assert.Equal("Scale risk/fraud-mm to 4 replicas", status.HeadSubject);
        Assert.Equal(WriterRepository.Start.AddSeconds(30), status.HeadTime);
        Assert.Equal(2, status.CommitsWritten);
    }
}
