using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class BudgetPeriodReminderTests(GrainClusterFixture fixture)
{
    private const string Reminder = "budget-period";

    [Fact]
    public async Task Put_NewBudget_RegistersTheHourlyPeriodReminderDueAtTheNextPeriod()
    {
        var budget = fixture.Client.GetGrain<IBudgetGrain>("period-reminder");

        await budget.Put(new BudgetSpec(100, "daily"));

        var entry = await ReminderTable().ReadRow(budget.GetGrainId(), Reminder);
        Assert.NotNull(entry);
        Assert.Equal(BudgetPeriod.CheckInterval, entry.Period);
        Assert.Equal(BudgetPeriod.EndOf("daily", DateTimeOffset.UtcNow).UtcDateTime, entry.StartAt, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ReceiveReminder_StoredPeriodEnded_StartsTheNewPeriodAtZeroWithoutAnyAccrual()
    {
        var budget = fixture.Client.GetGrain<IBudgetGrain>("period-rollover");
        var lastMonth = BudgetPeriod.StartOf("monthly", DateTimeOffset.UtcNow).AddMonths(-1);
        // What a budget persisted last month, written before the grain first activates.
        await Storage().WriteStateAsync("budget", budget.GetGrainId(), new GrainState<BudgetState>(new BudgetState
        {
            Spec = new BudgetSpec(100),
            PeriodStart = lastMonth,
            Spend = 42,
            SpendByModel = new() { ["risk/a"] = 42 },
        }));

        await budget.AsReference<IRemindable>().ReceiveReminder(Reminder, default);

        var view = await budget.Get();
        Assert.Equal(BudgetPeriod.StartOf("monthly", DateTimeOffset.UtcNow), view!.PeriodStart);
        Assert.Equal(0, view.Spend);
        Assert.Empty(view.SpendByModel);
        Assert.NotNull(await ReminderTable().ReadRow(budget.GetGrainId(), Reminder)); // re-registered when it activated
    }

    [Fact]
    public async Task ReceiveReminder_SamePeriod_KeepsTheSpend()
    {
        var budget = fixture.Client.GetGrain<IBudgetGrain>("period-same");
        await budget.Put(new BudgetSpec(100));
        await budget.Accrue("risk/a", 3, DateTimeOffset.UtcNow);

        await budget.AsReference<IRemindable>().ReceiveReminder(Reminder, default);

        Assert.Equal(3, (await budget.Get())!.Spend, 9);
    }

    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    private IReminderTable ReminderTable() => Silo.GetRequiredService<IReminderTable>();

    private IGrainStorage Storage() => Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
}
