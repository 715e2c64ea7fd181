using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>API keys: how they are presented, created, listed and revoked.</summary>
[Collection(SharedGateway.Name)]
public sealed class ApiKeyTests(GatewayHost host)
{
    [Fact]
    public async Task Request_UnknownKey_Returns401()
    {
        using var client = host.Factory.CreateClient(null);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, ApiKeyHash.Generate());

        using var response = await client.GetAsync("/api/v1/models");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "X-Api-Key");
    }

    [Fact]
    public async Task Request_KeyInAuthorizationHeader_Authenticates()
    {
        using var client = host.Factory.CreateClient(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", TestKeys.Viewer);

        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/api/v1/models"));
    }

    [Fact]
    public async Task Request_OversizedKey_Returns401WithoutHashingIt()
    {
        using var client = host.Factory.CreateClient(null);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, new string('k', 10_000));

        Assert.Equal(HttpStatusCode.Unauthorized, await client.StatusAsync("/api/v1/models"));
    }

    [Fact]
    public async Task CreateKey_AsAdmin_ReturnsKeyOnceThatAuthenticatesWithItsRole()
    {
        var name = Gateway.UniqueName("ci");
        using var created = await host.Client.PostAsync("/api/v1/keys", new JsonObject { ["name"] = name, ["role"] = Roles.Operator });
        var key = (string)(await Gateway.OkJson(created, HttpStatusCode.Created))["key"]!;

        using var client = host.Factory.CreateClient(null);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/api/v1/models"));
        using var adminOnly = await client.GetAsync("/api/v1/keys");
        await ProblemAssert.IsProblem(adminOnly, HttpStatusCode.Forbidden, "'admin'");

        var listed = await host.Client.GetAsync("/api/v1/keys");
        var text = await listed.Content.ReadAsStringAsync();
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeyHash.Sha256Hex(key), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeKey_Created_NoLongerAuthenticates()
    {
        var name = Gateway.UniqueName("temp");
        using var created = await host.Client.PostAsync("/api/v1/keys", new JsonObject { ["name"] = name, ["role"] = Roles.Viewer });
        var key = (string)(await Gateway.OkJson(created, HttpStatusCode.Created))["key"]!;

        using var revoked = await host.Client.DeleteAsync(Gateway.Url($"/api/v1/keys/{name}"));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        using var client = host.Factory.CreateClient(null);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        Assert.Equal(HttpStatusCode.Unauthorized, await client.StatusAsync("/api/v1/models"));
    }

    [Fact]
    public async Task RevokeKey_FromSettings_Returns409()
    {
        using var response = await host.Client.DeleteAsync(Gateway.Url("/api/v1/keys/test-viewer"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "settings");
    }

    [Fact]
    public async Task CreateKey_NameTaken_Returns409()
    {
        using var response = await host.Client.PostAsync("/api/v1/keys", new JsonObject { ["name"] = "test-admin", ["role"] = Roles.Admin });

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "test-admin");
    }

    [Theory]
    [InlineData("{\"name\":\"ok-name\",\"role\":\"root\"}", "role must be one of")]
    [InlineData("{\"name\":\"../etc\",\"role\":\"viewer\"}", "DNS-1123")]
    [InlineData("{\"name\":\"ok-name\",\"role\":\"viewer\",\"key\":\"mine\"}", "key")]
    public async Task CreateKey_BadBody_Returns400(string body, string mentions)
    {
        using var response = await host.Client.PostAsync(Gateway.Url("/api/v1/keys"), Gateway.Json(body));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, mentions);
    }
}
