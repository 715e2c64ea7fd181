using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ControlPlane.Silo.Security;

/// <summary>Who may call the gateway (section <c>ControlPlane:Auth</c>).</summary>
public sealed partial class AuthOptions : IValidatableObject
{
    public const string Section = "ControlPlane:Auth";

    /// <summary>Keys from settings: name, role and the SHA-256 (hex) of the key; never the key itself.</summary>
    public List<ConfiguredApiKey> ApiKeys { get; init; } = [];

    /// <summary>A mounted secret file of keys, one per line: <c>name role sha256-hex</c>; <c>#</c> starts a comment.</summary>
    public string ApiKeysFile { get; set; } = "";

    /// <summary>On the first start with no key and no OIDC issuer configured, make an admin key, store its hash and print it once.</summary>
    public bool GenerateAdminKey { get; set; } = true;

    /// <summary>Put <c>/metrics</c> behind the viewer role.</summary>
    public bool ProtectMetrics { get; set; }

    public JwtSettings Jwt { get; set; } = new();

    [ValidateObjectMembers]
    public RateLimitSettings RateLimit { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
            if (ApiKeys[i].Problem() is { } problem) yield return new ValidationResult($"{Section}:ApiKeys:{i}: {problem}");
        if (ApiKeysFile.Length > 0 && !File.Exists(ApiKeysFile))
            yield return new ValidationResult($"{Section}:ApiKeysFile '{ApiKeysFile}' does not exist.");
        if (Jwt.Authority.Length > 0 && !Uri.TryCreate(Jwt.Authority, UriKind.Absolute, out _))
            yield return new ValidationResult($"{Section}:Jwt:Authority must be an absolute URL.");
        if (Jwt.Authority.Length > 0 && Jwt.Audience.Length == 0)
            yield return new ValidationResult($"{Section}:Jwt:Audience is required when Jwt:Authority is set.");
    }

    [GeneratedRegex(@"\A[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?\z")]
    internal static partial Regex KeyName();
}

/// <summary>One key from settings.</summary>
public sealed class ConfiguredApiKey
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>SHA-256 of the key, 64 hex digits (<c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Why this entry is unusable, or null.</summary>
    public string? Problem() =>
        !AuthOptions.KeyName().IsMatch(Name) ? "Name must be 1-63 letters, digits, '.', '_' or '-'."
        : !Roles.IsKnown(Role) ? $"Role must be one of {string.Join(", ", Roles.All)}."
        : ApiKeyHash.ParseHex(Sha256) is null ? "Sha256 must be the 64 hex digits of the key's SHA-256."
        : null;
}

/// <summary>OIDC bearer tokens: off unless <see cref="Authority"/> is set.</summary>
public sealed class JwtSettings
{
    /// <summary>The issuer whose discovery document and signing keys validate tokens.</summary>
    public string Authority { get; set; } = "";

    public string Audience { get; set; } = "";

    /// <summary>The claim that carries the role (viewer, operator or admin).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that names the caller in decision logs and commits.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>Only turn off for an issuer on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => Authority.Length > 0;
}

/// <summary>A token bucket per caller (per key or token subject; per address for the unauthenticated).</summary>
public sealed class RateLimitSettings
{
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 200;

    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 400;
}
