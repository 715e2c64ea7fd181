namespace ControlPlane.Grains;

/// <summary>The index of registered models (a single activation, key <see cref="Key"/>).</summary>
public interface IModelCatalogGrain : IGrainWithStringKey
{
    const string Key = "models";

    Task Upsert(ModelSummary summary);

    Task<IReadOnlyList<ModelSummary>> List();

    /// <summary>The summaries of those of <paramref name="ids"/> that are registered models.</summary>
    Task<IReadOnlyDictionary<string, ModelSummary>> Find(IReadOnlyCollection<string> ids);
}
