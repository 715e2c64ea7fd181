namespace ControlPlane.Storage.Sqlite.Tests.Cluster;

public sealed class CounterGrain(
    [PersistentState(CounterGrain.StateName, CounterGrain.StoreName)] IPersistentState<CounterState> state)
    : Grain, ICounterGrain
{
    public const string StateName = "s";
    public const string StoreName = "controlplane";

    async Task<int> ICounterGrain.Add(int amount)
    {
        state.State = state.State with { Value = state.State.Value + amount };
        await state.WriteStateAsync();
        return state.State.Value;
    }

    Task<int> ICounterGrain.Get() => Task.FromResult(state.State.Value);

    Task ICounterGrain.Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
