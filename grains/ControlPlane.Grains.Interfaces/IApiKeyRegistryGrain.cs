namespace ControlPlane.Grains;

/// <summary>The API keys created at run time (a single activation, key <see cref="Key"/>); keys from settings are not here.</summary>
public interface IApiKeyRegistryGrain : IGrainWithStringKey
{
    const string Key = "api-keys";

    Task<IReadOnlyList<ApiKeyRecord>> List();

    /// <summary>False when a key of that name exists.</summary>
    Task<bool> Add(ApiKeyRecord key);

    /// <summary>Adds the key only on the very first start (never once any key existed): the admin key, once across silos and restarts.</summary>
    Task<bool> AddFirst(ApiKeyRecord key);

    /// <summary>False when no key has that name.</summary>
    Task<bool> Remove(string name);
}
