namespace ControlPlane.Grains;

/// <summary>The index of registered models, kept current by the model grains.</summary>
public sealed class ModelCatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<ModelCatalogState> state) : Grain, IModelCatalogGrain
{
    async Task IModelCatalogGrain.Upsert(ModelSummary summary)
    {
        if (state.State.Models.TryGetValue(summary.Id, out var known) && known == summary) return;
        state.State.Models[summary.Id] = summary;
        await state.WriteStateAsync();
    }

    Task<IReadOnlyList<ModelSummary>> IModelCatalogGrain.List() =>
        Task.FromResult<IReadOnlyList<ModelSummary>>(state.State.Models.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList());

    Task<IReadOnlyDictionary<string, ModelSummary>> IModelCatalogGrain.Find(IReadOnlyCollection<string> ids) =>
        Task.FromResult<IReadOnlyDictionary<string, ModelSummary>>(ids
            .Where(state.State.Models.ContainsKey)
            .ToDictionary(id => id, id => state.State.Models[id]));
}
