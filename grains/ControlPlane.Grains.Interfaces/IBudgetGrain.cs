namespace ControlPlane.Grains;

/// <summary>One budget: limit, period and the spend accrued by its models.</summary>
public interface IBudgetGrain : IGrainWithStringKey
{
    Task<BudgetView> Put(BudgetSpec spec);

    Task<BudgetView?> Get();

    /// <summary>Adds the cost a model accrued up to <paramref name="until"/>; a new period starts from zero.</summary>
    Task Accrue(string model, double cost, DateTimeOffset until);
}
