using ControlPlane.Testing;

namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class LimitsTests(GrainClusterFixture fixture)
{
    private readonly FakeTimeProvider _clock = fixture.Calendar.Start(TestCalendar.DefaultStart); // a test that names no date runs mid-month

    private GpuSampleBatch Busy(string model) => new([new GpuSample(model, fixture.Now, 100)]);

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task TwoModels_CompetingForTheLastGpus_GetExactlyThePoolBetweenThem(string date)
    {
        fixture.Calendar.Start(CalendarDates.Parse(date));
        var day = CalendarDates.Label(date);
        var (cluster, budget) = await fixture.Infrastructure($"last-gpus-{day}", gpus: 5);
        var a = fixture.Client.GetGrain<IModelGrain>($"risk/race-a-{day}");
        var b = fixture.Client.GetGrain<IModelGrain>($"risk/race-b-{day}");
        await a.Register(GrainClusterFixture.Spec(cluster, budget, target: 10)); // 100% vs 10% wants 10 → max 8
        await b.Register(GrainClusterFixture.Spec(cluster, budget, target: 10));

        await Task.WhenAll(a.Observe(Busy($"risk/race-a-{day}")), b.Observe(Busy($"risk/race-b-{day}")));

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
        await model.Observe(new GpuSampleBatch(Enumerable.Range(0, 19).Select(_ => new GpuSample("risk/release", fixture.Now, 0)).ToList()));

        Assert.Equal(2, (await model.Get())!.Replicas);
        var reserved = (await fixture.Client.GetGrain<IClusterGrain>(cluster).Get())!.Reservations.Sum(r => r.Gpus);
        Assert.Equal(2, reserved);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task ScaleUp_BeyondBudgetUnderDeny_IsCappedAndSaysWhy(string date)
    {
        var now = fixture.Calendar.Start(CalendarDates.Parse(date)).GetUtcNow();
        var name = $"tight-budget-{CalendarDates.Label(date)}";
        await fixture.Client.GetGrain<IClusterGrain>(name).Put(new ClusterSpec([new GpuPool("nvidia-a100", 64, 3.2)]));
        // Enough for about two A100s for the rest of the month, never eight, whatever day of it this is.
        var hoursLeft = (BudgetPeriod.EndOf("monthly", now) - now).TotalHours;
        await fixture.Client.GetGrain<IBudgetGrain>(name).Put(new BudgetSpec(3.2 * hoursLeft * 2.5));
        var model = fixture.Client.GetGrain<IModelGrain>($"risk/{name}");
        await model.Register(GrainClusterFixture.Spec(name, name, target: 10));

        await model.Observe(Busy($"risk/{name}"));

        var view = await model.Get();
        Assert.Equal(2, view!.Replicas);
        var decision = (await model.Decisions(1))[0];
        Assert.Equal(DecisionOutcome.Capped, decision.Outcome);
        Assert.Contains($"budget {name}", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("deny", decision.Inputs!["budget"], StringComparison.Ordinal);
        var budget = await fixture.Client.GetGrain<IBudgetGrain>(name).Get();
        Assert.True(budget!.ProjectedSpend <= budget.Spec.Limit + 1e-6);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task ScaleUp_BudgetExhausted_IsDeniedOnceNotOnEverySample(string date)
    {
        fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"no-budget-{CalendarDates.Label(date)}";
        await fixture.Client.GetGrain<IClusterGrain>(name).Put(new ClusterSpec([new GpuPool("nvidia-a100", 64, 3.2)]));
        // Less than a second of one more A100: exhausted however little of the month is left.
        await fixture.Client.GetGrain<IBudgetGrain>(name).Put(new BudgetSpec(0.0005));
        var model = fixture.Client.GetGrain<IModelGrain>($"risk/{name}");
        await model.Register(GrainClusterFixture.Spec(name, name, target: 10));

        await model.Observe(Busy($"risk/{name}"));
        await model.Observe(Busy($"risk/{name}"));

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
    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task ScaleUp_BudgetExhaustedUnderChangingLoad_IsLoggedOnce(string date)
    {
        var clock = fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"still-broke-{CalendarDates.Label(date)}";
        await fixture.Client.GetGrain<IClusterGrain>(name).Put(new ClusterSpec([new GpuPool("nvidia-a100", 64, 3.2)]));
        await fixture.Client.GetGrain<IBudgetGrain>(name).Put(new BudgetSpec(0.0005)); // less than a second of one more A100
        var model = fixture.Client.GetGrain<IModelGrain>($"risk/{name}");
        await model.Register(GrainClusterFixture.Spec(name, name, max: 2, target: 10));

        // The utilization (and so the reason's text) differs every batch; the refusal is the same.
        foreach (var utilization in new[] { 91.0, 93.5, 97.25 })
            await model.Observe(new GpuSampleBatch([new GpuSample($"risk/{name}", clock.GetUtcNow(), utilization)]));

        Assert.Single(await model.Decisions(10), d => d.Outcome == DecisionOutcome.Denied);
    }
}
