using Orleans.Runtime;

namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class ModelGrainTests(GrainClusterFixture fixture)
{
    private IModelGrain Model(string name) => fixture.Client.GetGrain<IModelGrain>($"risk/{name}");

    private GpuSampleBatch Busy(string model, double utilization, int count = 3) =>
        new(Enumerable.Range(0, count).Select(i => new GpuSample($"risk/{model}", fixture.Now.AddMilliseconds(-i), utilization, $"{model}-{i}")).ToList());

    [Fact]
    public async Task Register_NewModel_CommitsAndListsIt()
    {
        var (cluster, budget) = await fixture.Infrastructure("register-new");

        var result = await Model("register-new").Register(GrainClusterFixture.Spec(cluster, budget, min: 2));

        Assert.True(result.Created);
        Assert.Null(result.Error);
        Assert.Equal(2, result.Model!.Replicas);
        Assert.Equal(ModelPhase.Stable, result.Model.Phase);
        Assert.NotNull(result.Model.LastCommitSha);
        var decision = Assert.Single(await Model("register-new").Decisions(10));
        Assert.Equal(DecisionKind.Register, decision.Kind);
        Assert.Equal(result.Model.LastCommitSha, decision.CommitSha);
        Assert.Contains(await fixture.Client.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key).List(), m => m.Id == "risk/register-new" && m.Replicas == 2);
        var view = await fixture.Client.GetGrain<IClusterGrain>(cluster).Get();
        Assert.Contains(view!.Reservations, r => r.Model == "risk/register-new" && r.Gpus == 2);
    }

    [Fact]
    public async Task Register_SameSpecTwice_MakesNoSecondDecision()
    {
        var (cluster, budget) = await fixture.Infrastructure("register-twice");
        await Model("register-twice").Register(GrainClusterFixture.Spec(cluster, budget));

        var again = await Model("register-twice").Register(GrainClusterFixture.Spec(cluster, budget));

        Assert.False(again.Created);
        Assert.Single(await Model("register-twice").Decisions(10));
    }

    [Fact]
    public async Task Register_UnknownBudget_IsRefusedWithoutState()
    {
        var (cluster, _) = await fixture.Infrastructure("unknown-budget");

        var result = await Model("unknown-budget").Register(GrainClusterFixture.Spec(cluster, "no-such-budget"));

        Assert.Equal(GrainError.UnknownBudget, result.Error?.Code);
        Assert.Contains("no-such-budget", result.Error!.Detail, StringComparison.Ordinal);
        Assert.Null(await Model("unknown-budget").Get());
    }

    [Fact]
    public async Task Register_UnknownCluster_IsRefused()
    {
        var (_, budget) = await fixture.Infrastructure("unknown-cluster");

        var result = await Model("unknown-cluster").Register(GrainClusterFixture.Spec("no-such-cluster", budget));

        Assert.Equal(GrainError.UnknownCluster, result.Error?.Code);
    }

    [Fact]
    public async Task Register_MoreGpusThanFree_IsRefusedAndReservesNothing()
    {
        var (cluster, budget) = await fixture.Infrastructure("too-big", gpus: 3);

        var result = await Model("too-big").Register(GrainClusterFixture.Spec(cluster, budget, min: 4));

        Assert.Equal(GrainError.InsufficientCapacity, result.Error?.Code);
        Assert.Empty((await fixture.Client.GetGrain<IClusterGrain>(cluster).Get())!.Reservations);
    }

    [Fact]
    public async Task Stream_SamplesAboveTarget_ScaleDecisionReachesTheWriter()
    {
        var (cluster, budget) = await fixture.Infrastructure("stream-scale");
        await Model("stream-scale").Register(GrainClusterFixture.Spec(cluster, budget));

        var stream = fixture.Client.GetStreamProvider(StreamNamespaces.Provider)
            .GetStream<GpuSampleBatch>(StreamId.Create(StreamNamespaces.Gpu, "risk/stream-scale"));
        await stream.OnNextAsync(Busy("stream-scale", 98));

        var view = await Eventually.Until(() => Model("stream-scale").Get(), v => v!.Replicas == 2 && v.Phase == ModelPhase.Stable);
        var scale = (await Model("stream-scale").Decisions(10))[0];
        Assert.Equal(DecisionKind.Scale, scale.Kind);
        Assert.Equal("scale(risk/stream-scale): 1 → 2 replicas", scale.Summary);
        Assert.Equal(view!.LastCommitSha, scale.CommitSha);
        var writer = fixture.Client.GetGrain<IGitOpsWriterGrain>(new GitOpsOptions { RepositoryPath = fixture.RepositoryPath }.WriterKey);
        var history = await Eventually.Until(() => writer.Status(), s => s.HeadSha is not null);
        Assert.NotNull(history.HeadSha);
        Assert.True(GitLog(fixture.RepositoryPath).Contains(scale.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Observe_DemandBeyondCapacity_ScalesOnlyToWhatFits()
    {
        var (cluster, budget) = await fixture.Infrastructure("capped", gpus: 3);
        await Model("capped").Register(GrainClusterFixture.Spec(cluster, budget, target: 30));

        await Model("capped").Observe(Busy("capped", 100)); // wants ceil(1 × 100 / 30) = 4

        var view = await Model("capped").Get();
        Assert.Equal(3, view!.Replicas);
        Assert.Contains("capped at 3", (await Model("capped").Decisions(1))[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_UtilizationWithinTolerance_MakesNoDecision()
    {
        var (cluster, budget) = await fixture.Infrastructure("steady");
        await Model("steady").Register(GrainClusterFixture.Spec(cluster, budget));

        await Model("steady").Observe(Busy("steady", 74));

        Assert.Single(await Model("steady").Decisions(10));
        Assert.Equal(74, (await Model("steady").Get())!.ObservedGpuUtilization!.Value, 6);
    }

    [Fact]
    public async Task Deactivation_AfterScaling_StateSurvives()
    {
        var (cluster, budget) = await fixture.Infrastructure("survivor");
        var model = Model("survivor");
        await model.Register(GrainClusterFixture.Spec(cluster, budget));
        await model.Observe(Busy("survivor", 100));
        var before = await model.Get();

        await fixture.Cluster.DeactivateAsync(model);

        var after = await model.Get();
        Assert.Equal(2, after!.Replicas); // ceil(1 × 100 / 70)
        Assert.Equal(before!.LastCommitSha, after.LastCommitSha);
        Assert.Equal(before.ObservedGpuUtilization, after.ObservedGpuUtilization);
        Assert.Equal(2, (await model.Decisions(10)).Count);
    }

    private static string GitLog(string repository) => GitRepository.Run(repository, "log", "--format=%s");
}
