namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class GitOpsWriterGrainTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Apply_BurstFromManyModels_EachDecisionGetsItsOwnCommitOnTheBranch()
    {
        var (cluster, budget) = await fixture.Infrastructure("burst", gpus: 100);
        var models = Enumerable.Range(0, 24).Select(i => fixture.Client.GetGrain<IModelGrain>($"burst/m{i:00}")).ToList();

        var results = await Task.WhenAll(models.Select(m => m.Register(GrainClusterFixture.Spec(cluster, budget))));

        var shas = results.Select(r => r.Model!.LastCommitSha!).ToList();
        Assert.Equal(24, shas.Distinct().Count());
        var onBranch = GitRepository.Run(fixture.RepositoryPath, "log", "--format=%H").Split('\n').ToHashSet();
        Assert.All(shas, sha => Assert.Contains(sha, onBranch));
        var registered = GitRepository.Run(fixture.RepositoryPath, "log", "--format=%(trailers:key=Model,valueonly,separator=)")
            .Split('\n').Count(m => m.StartsWith("burst/", StringComparison.Ordinal));
        Assert.Equal(24, registered);
        GitRepository.Run(fixture.RepositoryPath, "fsck", "--strict", "--no-progress");
    }
}
