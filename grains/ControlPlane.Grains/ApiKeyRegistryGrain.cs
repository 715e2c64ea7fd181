namespace ControlPlane.Grains;

/// <summary>Run-time API keys, stored as hashes in grain storage so every silo's gateway sees the same set.</summary>
public sealed class ApiKeyRegistryGrain(
    [PersistentState("api-keys", StorageNames.Default)] IPersistentState<ApiKeyRegistryState> state) : Grain, IApiKeyRegistryGrain
{
    public const int Capacity = 1000;

    Task<IReadOnlyList<ApiKeyRecord>> IApiKeyRegistryGrain.List() => Task.FromResult(state.State.Keys);

    async Task<bool> IApiKeyRegistryGrain.Add(ApiKeyRecord key)
    {
        if (state.State.Keys.Count >= Capacity || state.State.Keys.Any(k => k.Name == key.Name)) return false;
        state.State = state.State with { Keys = [.. state.State.Keys, key] };
        await state.WriteStateAsync();
        return true;
    }

    async Task<bool> IApiKeyRegistryGrain.AddFirst(ApiKeyRecord key)
    {
        if (state.State.Bootstrapped || state.State.Keys.Count > 0) return false;
        state.State = state.State with { Keys = [key], Bootstrapped = true };
        await state.WriteStateAsync();
        return true;
    }

    async Task<bool> IApiKeyRegistryGrain.Remove(string name)
    {
        if (!state.State.Keys.Any(k => k.Name == name)) return false;
        state.State = state.State with { Keys = state.State.Keys.Where(k => k.Name != name).ToList() };
        await state.WriteStateAsync();
        return true;
    }
}
