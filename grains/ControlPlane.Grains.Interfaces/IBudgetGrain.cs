namespace ControlPlane.Grains;

/// <summary>One budget: limit, period and the spend accrued by its models.</summary>
public interface IBudgetGrain : IGrainWithStringKey
{
    Task<BudgetView> Put(BudgetSpec spec);

    Task<BudgetView?> Get();

    /// <summary>Adds the cost a model accrued up to <paramref name="until"/>; a new period starts from zero.</summary>
    Task Accrue(string model, double cost, DateTimeOffset until);

    /// <summary>
    /// Adds the cost a model accrued over [<paramref name="from"/>, <paramref name="until"/>), spread over those hours in
    /// the budget's hourly ledger, then evaluates thresholds, forecast and anomalies (throttled) and reports new events.
    /// </summary>
    Task AccrueBetween(string model, double cost, DateTimeOffset from, DateTimeOffset until);

    /// <summary>The budget's spec alone, without computing a forecast; null when not registered.</summary>
    Task<BudgetSpec?> Spec();

    /// <summary>
    /// Answers a proposed scale-up against the projected spend of every model in the budget, and holds the
    /// model's hourly rate at what it allows, so that two models cannot both spend the same headroom.
    /// </summary>
    Task<BudgetAnswer> ReserveSpend(string model, int currentReplicas, int desiredReplicas, double costPerReplicaHour);

    /// <summary>Records what a model now costs per hour (after a scale-down, a capped grant or a new price).</summary>
    Task SetRate(string model, double ratePerHour);
}
