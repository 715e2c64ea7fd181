using ControlPlane.Testing;

namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class BudgetGrainTests(GrainClusterFixture fixture)
{
    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Accrue_WithinPeriod_AddsUpPerModel(string date)
    {
        var now = fixture.Calendar.Start(CalendarDates.Parse(date)).GetUtcNow();
        var budget = fixture.Client.GetGrain<IBudgetGrain>($"accrue-sum-{CalendarDates.Label(date)}");
        await budget.Put(new BudgetSpec(100));

        await budget.Accrue("risk/a", 1.5, now);
        await budget.Accrue("risk/b", 2.0, now);
        await budget.Accrue("risk/a", 0.5, now);

        var view = await budget.Get();
        Assert.Equal(4.0, view!.Spend, 9);
        Assert.Equal(96.0, view.Remaining, 9);
        Assert.Equal(2.0, view.SpendByModel["risk/a"], 9);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Accrue_InNextPeriod_StartsFromZero(string date)
    {
        var clock = fixture.Calendar.Start(CalendarDates.Parse(date));
        var budget = fixture.Client.GetGrain<IBudgetGrain>($"accrue-rollover-{CalendarDates.Label(date)}");
        await budget.Put(new BudgetSpec(100, "daily"));
        await budget.Accrue("risk/a", 7, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(1));
        await budget.Accrue("risk/a", 1, clock.GetUtcNow());

        var view = await budget.Get();
        Assert.Equal(1.0, view!.Spend, 9);
        Assert.Equal(BudgetPeriod.StartOf("daily", clock.GetUtcNow()), view.PeriodStart);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Register_ThenScale_AccruesCostToTheBudget(string date)
    {
        var clock = fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"accrue-model-{CalendarDates.Label(date)}";
        var (cluster, budgetName) = await fixture.Infrastructure(name);
        var model = fixture.Client.GetGrain<IModelGrain>($"risk/{name}");
        await model.Register(GrainClusterFixture.Spec(cluster, budgetName));

        // Ten minutes on one replica, settled by the scale decision (past a period's end on its last day: the new period's part).
        clock.Advance(TimeSpan.FromMinutes(10));
        await model.Observe(new GpuSampleBatch([new GpuSample($"risk/{name}", clock.GetUtcNow(), 100)]));

        var view = await fixture.Client.GetGrain<IBudgetGrain>(budgetName).Get();
        Assert.True(view!.Spend > 0);
        Assert.True(view.SpendByModel.ContainsKey($"risk/{name}"));
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Get_ModelsHoldRatesAndSpent_BothOutlooksStartFromTheSpendAndCountTheSameHours(string date)
    {
        fixture.Calendar.Start(CalendarDates.Parse(date));
        var budget = fixture.Client.GetGrain<IBudgetGrain>($"view-figures-{CalendarDates.Label(date)}");
        await budget.Put(new BudgetSpec(10_000));
        await budget.SetRate("risk/a", 6.4);
        await budget.SetRate("risk/b", 3.2);
        await budget.Accrue("risk/a", 2.5, fixture.Now);

        var view = (await budget.Get())!;

        // Relations, not amounts: the period's end depends on the date.
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
