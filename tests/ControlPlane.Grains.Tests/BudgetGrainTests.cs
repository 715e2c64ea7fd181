namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class BudgetGrainTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Accrue_WithinPeriod_AddsUpPerModel()
    {
        var budget = fixture.Client.GetGrain<IBudgetGrain>("accrue-sum");
        await budget.Put(new BudgetSpec(100));

        await budget.Accrue("risk/a", 1.5, DateTimeOffset.UtcNow);
        await budget.Accrue("risk/b", 2.0, DateTimeOffset.UtcNow);
        await budget.Accrue("risk/a", 0.5, DateTimeOffset.UtcNow);

        var view = await budget.Get();
        Assert.Equal(4.0, view!.Spend, 9);
        Assert.Equal(96.0, view.Remaining, 9);
        Assert.Equal(2.0, view.SpendByModel["risk/a"], 9);
    }

    [Fact]
    public async Task Accrue_InNextPeriod_StartsFromZero()
    {
        var budget = fixture.Client.GetGrain<IBudgetGrain>("accrue-rollover");
        await budget.Put(new BudgetSpec(100, "daily"));
        await budget.Accrue("risk/a", 7, DateTimeOffset.UtcNow);

        await budget.Accrue("risk/a", 1, DateTimeOffset.UtcNow.AddDays(1));

        var view = await budget.Get();
        Assert.Equal(1.0, view!.Spend, 9);
        Assert.Equal(BudgetPeriod.StartOf("daily", DateTimeOffset.UtcNow.AddDays(1)), view.PeriodStart);
    }

    [Fact]
    public async Task Register_ThenScale_AccruesCostToTheBudget()
    {
        var (cluster, budgetName) = await fixture.Infrastructure("accrue-model");
        var model = fixture.Client.GetGrain<IModelGrain>("risk/accrue-model");
        await model.Register(GrainClusterFixture.Spec(cluster, budgetName));

        // A scale decision settles the cost of the replicas held until then.
        await model.Observe(new GpuSampleBatch([new GpuSample("risk/accrue-model", DateTimeOffset.UtcNow, 100)]));

        var view = await fixture.Client.GetGrain<IBudgetGrain>(budgetName).Get();
        Assert.True(view!.Spend > 0);
        Assert.True(view.SpendByModel.ContainsKey("risk/accrue-model"));
    }

    [Fact]
    public async Task Get_ModelsHoldRatesAndSpent_BothOutlooksStartFromTheSpendAndCountTheSameHours()
    {
        var budget = fixture.Client.GetGrain<IBudgetGrain>("view-figures");
        await budget.Put(new BudgetSpec(10_000));
        await budget.SetRate("risk/a", 6.4);
        await budget.SetRate("risk/b", 3.2);
        await budget.Accrue("risk/a", 2.5, DateTimeOffset.UtcNow);

        var view = (await budget.Get())!;

        // Relations, not amounts: the period's end depends on today's date.
        var hoursLeft = (view.PeriodEnd!.Value - view.AsOf!.Value).TotalHours;
        Assert.Equal(9.6, view.Reserved!.RatePerHour, 9);
        Assert.Equal(hoursLeft, view.Reserved.HoursRemaining, 9);
        Assert.Equal(view.Spend + 9.6 * hoursLeft, view.Reserved.ProjectedAtPeriodEnd, 6);
        Assert.Equal((view.Reserved.RatePerHour, view.Reserved.ProjectedAtPeriodEnd), (view.BurnRatePerHour, view.ProjectedSpend));
        Assert.Equal(view.Spend, view.Forecast!.SpendToDate);
        Assert.Equal(hoursLeft, view.Forecast.HoursRemaining, 9);
        Assert.Equal(view.Forecast.ForecastAtPeriodEnd, view.Spend + view.Forecast.ForecastRatePerHour * hoursLeft, 6);
    }

    [Fact]
    public async Task Get_Unregistered_IsNull()
    {
        Assert.Null(await fixture.Client.GetGrain<IBudgetGrain>("never-put").Get());
    }
}
