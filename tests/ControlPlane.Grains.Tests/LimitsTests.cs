namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class LimitsTests(GrainClusterFixture fixture)
{
    private static GpuSampleBatch Busy(string model) => new([new GpuSample(model, DateTimeOffset.UtcNow, 100)]);

    [Fact]
    public async Task TwoModels_CompetingForTheLastGpus_GetExactlyThePoolBetweenThem()
    {
        var (cluster, budget) = await fixture.Infrastructure("last-gpus", gpus: 5);
        var a = fixture.Client.GetGrain<IModelGrain>("risk/race-a");
        var b = fixture.Client.GetGrain<IModelGrain>("risk/race-b");
        await a.Register(GrainClusterFixture.Spec(cluster, budget, target: 10)); // 100% vs 10% wants 10 → max 8
        await b.Register(GrainClusterFixture.Spec(cluster, budget, target: 10));

        await Task.WhenAll(a.Observe(Busy("risk/race-a")), b.Observe(Busy("risk/race-b")));

        var replicas = (await a.Get())!.Replicas + (await b.Get())!.Replicas;
        var reserved = (await fixture.Client.GetGrain<IClusterGrain>(cluster).Get())!.Reservations.Sum(r => r.Gpus);
        Assert.Equal(5, replicas);
        Assert.Equal(5, reserved);
        var decisions = (await a.Decisions(1)).Concat(await b.Decisions(1)).ToList();
        Assert.Contains(decisions, d => d.Outcome == DecisionOutcome.Capped);
    }

    [Fact]
    public async Task ScaleDown_ReleasesGpusForOthers()
    {
        var (cluster, budget) = await fixture.Infrastructure("release", gpus: 4);
        var model = fixture.Client.GetGrain<IModelGrain>("risk/release");
        await model.Register(GrainClusterFixture.Spec(cluster, budget, target: 10) with { ScaleDownStabilizationSeconds = 0 });
        await model.Observe(Busy("risk/release"));
        Assert.Equal(4, (await model.Get())!.Replicas);

        // Nineteen idle samples bring the window's mean to 5%: ceil(4 × 5 / 10) = 2.
        await model.Observe(new GpuSampleBatch(Enumerable.Range(0, 19).Select(_ => new GpuSample("risk/release", DateTimeOffset.UtcNow, 0)).ToList()));

        Assert.Equal(2, (await model.Get())!.Replicas);
        var reserved = (await fixture.Client.GetGrain<IClusterGrain>(cluster).Get())!.Reservations.Sum(r => r.Gpus);
        Assert.Equal(2, reserved);
    }

    [Fact]
    public async Task ScaleUp_BeyondBudgetUnderDeny_IsCappedAndSaysWhy()
    {
        await fixture.Client.GetGrain<IClusterGrain>("tight-budget").Put(new ClusterSpec([new GpuPool("nvidia-a100", 64, 3.2)]));
        // Enough for about two A100s for the rest of any month, never eight.
        var hoursLeft = (BudgetPeriod.EndOf("monthly", DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow).TotalHours;
        await fixture.Client.GetGrain<IBudgetGrain>("tight-budget").Put(new BudgetSpec(3.2 * hoursLeft * 2.5));
        var model = fixture.Client.GetGrain<IModelGrain>("risk/tight");
        await model.Register(GrainClusterFixture.Spec("tight-budget", "tight-budget", target: 10));

        await model.Observe(Busy("risk/tight"));

        var view = await model.Get();
        Assert.Equal(2, view!.Replicas);
        var decision = (await model.Decisions(1))[0];
        Assert.Equal(DecisionOutcome.Capped, decision.Outcome);
        Assert.Contains("budget tight-budget", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("deny", decision.Inputs!["budget"], StringComparison.Ordinal);
        var budget = await fixture.Client.GetGrain<IBudgetGrain>("tight-budget").Get();
        Assert.True(budget!.ProjectedSpend <= budget.Spec.Limit + 1e-6);
    }

    [Fact]
    public async Task ScaleUp_BudgetExhausted_IsDeniedOnceNotOnEverySample()
    {
        await fixture.Client.GetGrain<IClusterGrain>("no-budget").Put(new ClusterSpec([new GpuPool("nvidia-a100", 64, 3.2)]));
        await fixture.Client.GetGrain<IBudgetGrain>("no-budget").Put(new BudgetSpec(1));
        var model = fixture.Client.GetGrain<IModelGrain>("risk/broke");
        await model.Register(GrainClusterFixture.Spec("no-budget", "no-budget", target: 10));

        await model.Observe(Busy("risk/broke"));
        await model.Observe(Busy("risk/broke"));

        var decisions = await model.Decisions(10);
        Assert.Equal(1, (await model.Get())!.Replicas);
        var denied = Assert.Single(decisions, d => d.Outcome == DecisionOutcome.Denied);
        Assert.Null(denied.CommitSha);
        Assert.Contains("denied by budget", denied.Reason, StringComparison.Ordinal);
    }
}

[Collection(SharedGrainCluster.Name)]
public class RefusalLogTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task ScaleUp_BudgetExhaustedUnderChangingLoad_IsLoggedOnce()
    {
        await fixture.Client.GetGrain<IClusterGrain>("still-broke").Put(new ClusterSpec([new GpuPool("nvidia-a100", 64, 3.2)]));
        await fixture.Client.GetGrain<IBudgetGrain>("still-broke").Put(new BudgetSpec(1));
        var model = fixture.Client.GetGrain<IModelGrain>("risk/still-broke");
        await model.Register(GrainClusterFixture.Spec("still-broke", "still-broke", max: 2, target: 10));

        // The utilization (and so the reason's text) differs every batch; the refusal is the same.
        foreach (var utilization in new[] { 91.0, 93.5, 97.25 })
            await model.Observe(new GpuSampleBatch([new GpuSample("risk/still-broke", DateTimeOffset.UtcNow, utilization)]));

        Assert.Single(await model.Decisions(10), d => d.Outcome == DecisionOutcome.Denied);
    }
}
