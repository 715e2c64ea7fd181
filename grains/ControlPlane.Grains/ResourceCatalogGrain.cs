namespace ControlPlane.Grains;

/// <summary>The names of the registered budgets or clusters (one activation per kind), kept current by their grains.</summary>
public sealed class ResourceCatalogGrain(
    [PersistentState("resources", StorageNames.Default)] IPersistentState<ResourceCatalogState> state) : Grain, IResourceCatalogGrain
{
    async Task IResourceCatalogGrain.Add(string name)
    {
        if (!state.State.Names.Add(name)) return;
        await state.WriteStateAsync();
    }

    Task<IReadOnlyList<string>> IResourceCatalogGrain.Names() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Names.Order(StringComparer.Ordinal).ToList());
}
