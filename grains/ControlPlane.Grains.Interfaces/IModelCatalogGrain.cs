namespace ControlPlane.Grains;

/// <summary>The index of registered models (a single activation, key <see cref="Key"/>).</summary>
public interface IModelCatalogGrain : IGrainWithStringKey
{
    const string Key = "models";

    Task Upsert(ModelSummary summary);

    Task<IReadOnlyList<ModelSummary>> List();

    /// <summary>Which of <paramref name="ids"/> are registered models.</summary>
    Task<IReadOnlySet<string>> Known(IReadOnlyCollection<string> ids);
}
