namespace ControlPlane.Grains;

/// <summary>One budget: its limit and the spend its models accrue in the current period.</summary>
public sealed partial class BudgetGrain(
    [PersistentState("budget", StorageNames.Default)] IPersistentState<BudgetState> state,
    TimeProvider time,
    ILogger<BudgetGrain> logger) : Grain, IBudgetGrain
{
    private string Name => this.GetPrimaryKeyString();

    async Task<BudgetView> IBudgetGrain.Put(BudgetSpec spec)
    {
        var now = time.GetUtcNow();
        var periodStart = BudgetPeriod.StartOf(spec.Period, now);
        var samePeriod = state.State.Spec?.Period == spec.Period && state.State.PeriodStart == periodStart;
        state.State = samePeriod
            ? state.State with { Spec = spec, UpdatedAt = now }
            : new BudgetState { Spec = spec, PeriodStart = periodStart, UpdatedAt = now };
        await state.WriteStateAsync();
        return View(spec);
    }

    Task<BudgetView?> IBudgetGrain.Get() =>
        Task.FromResult(state.State.Spec is { } spec ? View(spec) : null);

    async Task IBudgetGrain.Accrue(string model, double cost, DateTimeOffset until)
    {
        if (state.State.Spec is not { } spec)
        {
            LogUnknownBudget(Name, model);
            return;
        }
        var periodStart = BudgetPeriod.StartOf(spec.Period, until);
        var current = periodStart > state.State.PeriodStart
            ? new BudgetState { Spec = spec, PeriodStart = periodStart }
            : state.State;
        var byModel = new Dictionary<string, double>(current.SpendByModel);
        byModel[model] = byModel.GetValueOrDefault(model) + cost;
        state.State = current with { Spend = current.Spend + cost, SpendByModel = byModel, UpdatedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
    }

    private BudgetView View(BudgetSpec spec) => new(Name, spec, state.State.PeriodStart, state.State.Spend,
        spec.Limit - state.State.Spend, state.State.SpendByModel, state.State.UpdatedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget {Budget} is not registered; cost from {Model} was not recorded")]
    private partial void LogUnknownBudget(string budget, string model);
}
