using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>
/// A STUB of an OIDC provider on loopback, standing in for one that cannot run here: serves a discovery
/// document and the JWKS of an RSA key it made, and mints tokens signed with that key or with one it never published.
/// </summary>
public sealed class OidcIssuerStub : IAsyncDisposable, IDisposable
{
    private const string KeyId = "stub-signing-key";
    private readonly RSA _published = RSA.Create(2048);
    private readonly RSA _unpublished = RSA.Create(2048);
    private WebApplication? _app;

    /// <summary>The issuer URL (also the authority), known once started.</summary>
    public string Issuer { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        _app.MapGet("/jwks", () =>
        {
            var key = _published.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = SecurityAlgorithms.RsaSha256,
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(key.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(key.Exponent),
                    },
                },
            });
        });
        await _app.StartAsync();
        Issuer = _app.Urls.Single().TrimEnd('/');
    }

    /// <summary>
    /// A signed token for <paramref name="subject"/> with a <c>roles</c> claim (none when null), valid for an hour from
    /// <paramref name="issuedAt"/> (now when null); <paramref name="unpublishedKey"/> signs with a key the JWKS does not hold, under the same key id.
    /// </summary>
    public string Mint(string subject, string? role, string audience, DateTimeOffset? issuedAt = null, bool unpublishedKey = false)
    {
        var issued = (issuedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (role is not null) claims["roles"] = role;
        var key = new RsaSecurityKey(unpublishedKey ? _unpublished : _published) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Dispose();
    }

    public void Dispose()
    {
        _published.Dispose();
        _unpublished.Dispose();
    }
}
