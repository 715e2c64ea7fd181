namespace ControlPlane.Grains;

/// <summary>An API key as the plane keeps it: a name, a role and the SHA-256 of the key, never the key itself.</summary>
[GenerateSerializer, Immutable]
public sealed record ApiKeyRecord(
    [Id(0)] string Name,
    [Id(1)] string Role,
    [Id(2)] string Sha256,
    [Id(3)] DateTimeOffset CreatedAt,
    [Id(4)] string CreatedBy);
