namespace ControlPlane.Grains;

/// <summary>What the key registry persists: name, role and hash of each run-time key.</summary>
[GenerateSerializer]
public sealed record ApiKeyRegistryState
{
    [Id(0)] public IReadOnlyList<ApiKeyRecord> Keys { get; init; } = [];

    /// <summary>The first-start admin key was made; it is never made again, even when every key is later revoked.</summary>
    [Id(1)] public bool Bootstrapped { get; init; }
}
