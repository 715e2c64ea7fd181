using System.Net.Http.Headers;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>A plane that accepts bearer tokens of an <see cref="OidcIssuerStub"/> next to its API keys.</summary>
public sealed class JwtPlane : IAsyncLifetime
{
    public const string Audience = "controlplane-gateway";

    private Plane? _plane;

    public OidcIssuerStub Issuer { get; } = new();

    public ControlPlaneFactory Factory => _plane?.Factory ?? throw new InvalidOperationException("the plane has not started.");

    /// <summary>The factory's admin client: an API key.</summary>
    public HttpClient Client => _plane?.Client ?? throw new InvalidOperationException("the plane has not started.");

    /// <summary>A client that presents <paramref name="token"/> as <c>Authorization: Bearer</c>.</summary>
    public HttpClient WithToken(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task InitializeAsync()
    {
        await Issuer.StartAsync();
        _plane = new Plane(new()
        {
            ["ControlPlane:Auth:Jwt:Authority"] = Issuer.Issuer,
            ["ControlPlane:Auth:Jwt:Audience"] = Audience,
            ["ControlPlane:Auth:Jwt:RequireHttpsMetadata"] = "false",
        });
        await _plane.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_plane is not null) await _plane.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    private sealed class Plane(Dictionary<string, string> settings) : RunningPlane(settings);
}
