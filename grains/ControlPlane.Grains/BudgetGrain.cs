namespace ControlPlane.Grains;

/// <summary>
/// One budget: its limit, the spend its models accrue in the current period, their hourly rates, and the hourly
/// ledger its forecast and anomalies come from. Events (thresholds, forecast, anomalies) live in BudgetGrain.Events.cs.
/// </summary>
public sealed partial class BudgetGrain(
    [PersistentState("budget", StorageNames.Default)] IPersistentState<BudgetState> state,
    DecisionClock clock,
    IOptions<FinOpsOptions> finOps,
    IFinOpsEventSink sink,
    ILogger<BudgetGrain> logger) : Grain, IBudgetGrain
{
    private string Name => this.GetPrimaryKeyString();

    private IResourceCatalogGrain Catalog => GrainFactory.GetGrain<IResourceCatalogGrain>(IResourceCatalogGrain.Budgets);

    async Task<BudgetView> IBudgetGrain.Put(BudgetSpec spec)
    {
        var now = clock.GetUtcNow();
        var periodStart = BudgetPeriod.StartOf(spec.Period, now);
        var samePeriod = state.State.Spec?.Period == spec.Period && state.State.PeriodStart == periodStart;
        state.State = samePeriod
            ? state.State with { Spec = spec, UpdatedAt = now }
            : state.State with { Spec = spec, PeriodStart = periodStart, Spend = 0, SpendByModel = [], UpdatedAt = now };
        await state.WriteStateAsync();
        await Catalog.Add(Name);
        await SchedulePeriodCheck(spec, now);
        var view = View(spec);
        SetGauges(spec, view.Forecast!);
        return view;
    }

    Task<BudgetView?> IBudgetGrain.Get() =>
        Task.FromResult(state.State.Spec is { } spec ? View(spec) : null);

    Task<BudgetSpec?> IBudgetGrain.Spec() => Task.FromResult(state.State.Spec);

    Task IBudgetGrain.Accrue(string model, double cost, DateTimeOffset until) =>
        ((IBudgetGrain)this).AccrueBetween(model, cost, until, until);

    async Task IBudgetGrain.AccrueBetween(string model, double cost, DateTimeOffset from, DateTimeOffset until)
    {
        if (state.State.Spec is not { } spec)
        {
            LogUnknownBudget(Name, model);
            return;
        }
        var now = clock.GetUtcNow();
        var current = InPeriodOf(spec, until);
        var inPeriod = CostAccrual.Since(cost, from, until, current.PeriodStart); // what ran before the period's start is the last period's
        var byModel = new Dictionary<string, double>(current.SpendByModel);
        byModel[model] = byModel.GetValueOrDefault(model) + inPeriod;
        state.State = current with
        {
            Spend = current.Spend + inPeriod,
            SpendByModel = byModel,
            Ledger = current.Ledger.Accrue(cost, from, until),
            UpdatedAt = now,
        };
        var events = Evaluate(spec, now);
        await state.WriteStateAsync();
        await Report(events); // after the write: an event is reported only once it is remembered as reported
    }

    async Task<BudgetAnswer> IBudgetGrain.ReserveSpend(string model, int currentReplicas, int desiredReplicas, double costPerReplicaHour)
    {
        var now = clock.GetUtcNow();
        if (state.State.Spec is not { } spec)
            return new BudgetAnswer(currentReplicas, 0, 0, true, BudgetEnforcement.Deny, $"budget '{Name}' is not registered: scale-ups are denied.");
        var current = InPeriodOf(spec, now);
        var others = current.RateByModel.Where(r => r.Key != model).Sum(r => r.Value);
        var answer = BudgetGuard.Check(spec, current.Spend, others, now, currentReplicas, desiredReplicas, costPerReplicaHour);
        state.State = current with { RateByModel = WithRate(current, model, answer.AllowedReplicas * costPerReplicaHour), UpdatedAt = now };
        await state.WriteStateAsync();
        return answer;
    }

    async Task IBudgetGrain.SetRate(string model, double ratePerHour)
    {
        if (state.State.RateByModel.GetValueOrDefault(model) == ratePerHour) return;
        state.State = state.State with { RateByModel = WithRate(state.State, model, ratePerHour), UpdatedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
    }

    private BudgetState InPeriodOf(BudgetSpec spec, DateTimeOffset at) =>
        BudgetPeriod.NewPeriodStart(spec.Period, state.State.PeriodStart, at) is { } periodStart
            ? state.State with { PeriodStart = periodStart, Spend = 0, SpendByModel = [] }
            : state.State;

    private static Dictionary<string, double> WithRate(BudgetState budget, string model, double rate) =>
        new(budget.RateByModel) { [model] = rate };

    /// <summary>Every figure from one state in the period now is in (the reminder may not have rolled it over yet) and one clock reading.</summary>
    private BudgetView View(BudgetSpec spec)
    {
        var now = clock.GetUtcNow();
        var s = InPeriodOf(spec, now);
        var reserved = BudgetGuard.Project(spec, s.Spend, s.RateByModel, now);
        return new BudgetView(Name, spec, s.PeriodStart, s.Spend, spec.Limit - s.Spend, s.SpendByModel, s.UpdatedAt,
            reserved.RatePerHour, reserved.ProjectedAtPeriodEnd, BudgetPeriod.EndOf(spec.Period, now),
            Forecast(spec, now), s.Anomalies.Where(a => a.At >= now.AddDays(-7)).ToList(), reserved, now);
    }

    /// <summary>The forecast starts from the spend the budget enforces, so its spend to date is the view's spend.</summary>
    private SpendForecast Forecast(BudgetSpec spec, DateTimeOffset now) =>
        SpendForecaster.Forecast(spec, state.State.Ledger, now, new SpendForecastOptions(ThresholdPercents: spec.ThresholdsOrDefault),
            InPeriodOf(spec, now).Spend);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget {Budget} is not registered; cost from {Model} was not recorded")]
    private partial void LogUnknownBudget(string budget, string model);
}
