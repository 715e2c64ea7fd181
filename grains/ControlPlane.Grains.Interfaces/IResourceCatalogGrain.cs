namespace ControlPlane.Grains;

/// <summary>
/// The names of the registered resources of one kind (key <see cref="Budgets"/> or <see cref="Clusters"/>), kept by
/// the resource grains themselves; the list endpoints read each one's live view, since spend changes by the minute.
/// </summary>
public interface IResourceCatalogGrain : IGrainWithStringKey
{
    const string Budgets = "budgets";
    const string Clusters = "clusters";

    Task Add(string name);

    /// <summary>The names in ordinal order.</summary>
    Task<IReadOnlyList<string>> Names();
}
