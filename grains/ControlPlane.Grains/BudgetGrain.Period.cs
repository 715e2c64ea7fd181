using Orleans.Timers;

namespace ControlPlane.Grains;

/// <summary>
/// The period roll-over on a reminder: a budget whose models accrue nothing still starts its new period at zero,
/// within <see cref="BudgetPeriod.CheckInterval"/> of the period's start, even if no silo kept it active.
/// </summary>
public sealed partial class BudgetGrain : IRemindable
{
    private const string PeriodReminder = "budget-period";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Spec is not null) await CatalogMembership.TryJoin(Catalog, Name, logger); // budgets stored before the catalog existed join it
        // Budgets put before the reminder existed, or whose in-memory reminder was lost with an embedded silo, get one back.
        if (state.State.Spec is { } spec && HasReminders && await this.GetReminder(PeriodReminder, cancellationToken) is null)
            await SchedulePeriodCheck(spec, clock.GetUtcNow());
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != PeriodReminder || state.State.Spec is not { } spec) return;
        var now = clock.GetUtcNow();
        var current = InPeriodOf(spec, now);
        if (ReferenceEquals(current, state.State)) return;
        state.State = current with { UpdatedAt = now };
        await state.WriteStateAsync();
        SetGauges(spec, Forecast(spec, now));
        LogPeriodStarted(Name, current.PeriodStart);
    }

    /// <summary>First due when the next period starts, then hourly: a reminder's period cannot be a calendar month.</summary>
    private async Task SchedulePeriodCheck(BudgetSpec spec, DateTimeOffset now)
    {
        if (!HasReminders)
        {
            LogNoReminders(Name);
            return;
        }
        await this.RegisterOrUpdateReminder(PeriodReminder, BudgetPeriod.UntilNextStart(spec.Period, now), BudgetPeriod.CheckInterval);
    }

    /// <summary>A silo without a reminder service still rolls periods over, lazily, at the next accrual or reservation.</summary>
    private bool HasReminders => ServiceProvider.GetService(typeof(IReminderRegistry)) is not null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Budget {Budget} started a new period at {PeriodStart}")]
    private partial void LogPeriodStarted(string budget, DateTimeOffset periodStart);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget {Budget}: the silo has no reminder service, so its period rolls over only when spend arrives")]
    private partial void LogNoReminders(string budget);
}
