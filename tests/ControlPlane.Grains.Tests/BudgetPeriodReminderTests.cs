using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using ControlPlane.Testing;

namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class BudgetPeriodReminderTests(GrainClusterFixture fixture)
{
    private const string Reminder = "budget-period";

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Put_NewBudget_RegistersTheHourlyPeriodReminderDueAtTheNextPeriod(string date)
    {
        var now = fixture.Calendar.Start(CalendarDates.Parse(date)).GetUtcNow();
        var budget = fixture.Client.GetGrain<IBudgetGrain>($"period-reminder-{CalendarDates.Label(date)}");
        var registeredAround = DateTime.UtcNow; // reminders run on the runtime's clock, not the plane's calendar

        await budget.Put(new BudgetSpec(100, "daily"));

        var entry = await ReminderTable().ReadRow(budget.GetGrainId(), Reminder);
        Assert.NotNull(entry);
        Assert.Equal(BudgetPeriod.CheckInterval, entry.Period);
        Assert.Equal(registeredAround + (BudgetPeriod.EndOf("daily", now) - now), entry.StartAt, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task ReceiveReminder_StoredPeriodEnded_StartsTheNewPeriodAtZeroWithoutAnyAccrual(string date)
    {
        var now = fixture.Calendar.Start(CalendarDates.Parse(date)).GetUtcNow();
        var budget = fixture.Client.GetGrain<IBudgetGrain>($"period-rollover-{CalendarDates.Label(date)}");
        var lastMonth = BudgetPeriod.StartOf("monthly", now).AddMonths(-1);
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
        Assert.Equal(BudgetPeriod.StartOf("monthly", now), view!.PeriodStart);
        Assert.Equal(0, view.Spend);
        Assert.Empty(view.SpendByModel);
        Assert.NotNull(await ReminderTable().ReadRow(budget.GetGrainId(), Reminder)); // re-registered when it activated
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task ReceiveReminder_SamePeriod_KeepsTheSpend(string date)
    {
        var now = fixture.Calendar.Start(CalendarDates.Parse(date)).GetUtcNow();
        var budget = fixture.Client.GetGrain<IBudgetGrain>($"period-same-{CalendarDates.Label(date)}");
        await budget.Put(new BudgetSpec(100));
        await budget.Accrue("risk/a", 3, now);

        await budget.AsReference<IRemindable>().ReceiveReminder(Reminder, default);

        Assert.Equal(3, (await budget.Get())!.Spend, 9);
    }

    private IServiceProvider Silo => fixture.Cluster.Silos[0].ServiceProvider;

    private IReminderTable ReminderTable() => Silo.GetRequiredService<IReminderTable>();

    private IGrainStorage Storage() => Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
}
