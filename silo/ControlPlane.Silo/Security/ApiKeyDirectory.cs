using System.Security.Claims;

namespace ControlPlane.Silo.Security;

/// <summary>
/// Every key the gateway accepts: those in settings and the secret file (read at start) and those in the
/// registry grain (cached, refreshed every <see cref="RefreshInterval"/> so a revocation reaches every silo).
/// </summary>
public sealed class ApiKeyDirectory(IOptions<AuthOptions> options, IGrainFactory grains, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly Lazy<IReadOnlyList<KnownKey>> _configured = new(() => Configured(options.Value));
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<KnownKey> _registered = [];
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    /// <summary>A key the gateway accepts: who it names, its role, where it comes from, and its hash.</summary>
    public sealed record KnownKey(string Name, string Role, string Source, byte[] Hash, DateTimeOffset? CreatedAt = null, string? CreatedBy = null);

    public IReadOnlyList<KnownKey> ConfiguredKeys => _configured.Value;

    /// <summary>The key that hashes to the presented one. Every stored hash is compared, whatever matches, so timing says nothing.</summary>
    public async ValueTask<KnownKey?> FindAsync(string presented)
    {
        var hash = ApiKeyHash.Sha256(presented);
        KnownKey? found = null;
        foreach (var key in _configured.Value.Concat(await RegisteredAsync()))
            if (ApiKeyHash.Matches(hash, key.Hash)) found ??= key;
        return found;
    }

    public async ValueTask<IReadOnlyList<KnownKey>> AllAsync() => [.. _configured.Value, .. await RegisteredAsync()];

    /// <summary>Drops the cache after this silo changed the registry, so the change applies to the next request here.</summary>
    public void Invalidate() => _refreshedAt = DateTimeOffset.MinValue;

    public void Dispose() => _refresh.Dispose();

    public static ClaimsPrincipal Principal(KnownKey key, string scheme)
    {
        ArgumentNullException.ThrowIfNull(key);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"key/{key.Name}"), new Claim(ClaimTypes.Role, key.Role)], scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    private async ValueTask<IReadOnlyList<KnownKey>> RegisteredAsync()
    {
        if (time.GetUtcNow() - _refreshedAt < RefreshInterval) return _registered;
        await _refresh.WaitAsync();
        try
        {
            if (time.GetUtcNow() - _refreshedAt < RefreshInterval) return _registered;
            var keys = await grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key).List();
            _registered = keys.Select(k => new KnownKey(k.Name, k.Role, "api", ApiKeyHash.ParseHex(k.Sha256) ?? [], k.CreatedAt, k.CreatedBy)).ToList();
            _refreshedAt = time.GetUtcNow();
            return _registered;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static List<KnownKey> Configured(AuthOptions options)
    {
        var keys = options.ApiKeys.Select(k => new KnownKey(k.Name, k.Role, "settings", ApiKeyHash.ParseHex(k.Sha256)!)).ToList();
        if (options.ApiKeysFile.Length > 0) keys.AddRange(ApiKeysFile.Read(options.ApiKeysFile));
        return keys;
    }
}
