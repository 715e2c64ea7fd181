using System.Net;
using System.Text;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>Every mapped endpoint declares who may call it, and each role gets exactly what it declares.</summary>
[Collection(SharedGateway.Name)]
public sealed class EndpointRoleTests(GatewayHost host)
{
    private const string Open = "open";

    /// <summary>The declared access of every endpoint; a new endpoint must be added here, with its role.</summary>
    private static readonly Dictionary<string, string> Declared = new()
    {
        ["GET /healthz"] = Open,
        ["GET /readyz"] = Open,
        ["* /metrics"] = Open, // prometheus-net maps every method
        ["GET /openapi/{documentName}.json"] = Open,
        ["GET /api/v1/models/"] = Roles.Viewer,
        ["GET /api/v1/models/{namespace}/{name}"] = Roles.Viewer,
        ["GET /api/v1/models/{namespace}/{name}/decisions"] = Roles.Viewer,
        ["PUT /api/v1/models/{namespace}/{name}"] = Roles.Admin,
        ["POST /api/v1/models/{namespace}/{name}/versions"] = Roles.Operator,
        ["POST /api/v1/models/{namespace}/{name}/rollback"] = Roles.Operator,
        ["GET /api/v1/budgets/"] = Roles.Viewer,
        ["GET /api/v1/budgets/{name}"] = Roles.Viewer,
        ["PUT /api/v1/budgets/{name}"] = Roles.Admin,
        ["GET /api/v1/clusters/"] = Roles.Viewer,
        ["GET /api/v1/clusters/{name}"] = Roles.Viewer,
        ["PUT /api/v1/clusters/{name}"] = Roles.Admin,
        ["POST /api/v1/signals/gpu"] = Roles.Operator,
        ["POST /api/v1/signals/drift"] = Roles.Operator,
        ["GET /api/v1/decisions"] = Roles.Viewer,
        ["GET /api/v1/gitops"] = Roles.Viewer,
        ["GET /api/v1/policies"] = Roles.Viewer,
        ["GET /api/v1/keys/"] = Roles.Admin,
        ["POST /api/v1/keys/"] = Roles.Admin,
        ["DELETE /api/v1/keys/{name}"] = Roles.Admin,
        ["GET /api/v1/recommendations"] = Roles.Viewer,
        ["GET /api/v1/models/{namespace}/{name}/recommendations"] = Roles.Viewer,
        ["POST /api/v1/recommendations/{id}/apply"] = Roles.Operator,
        ["GET /ui/{**path}"] = Open, // the dashboard's static files: no data in them
        ["GET /ui/config.json"] = Roles.Viewer,
    };

    public static TheoryData<string, string?> EndpointsAndCallers()
    {
        var data = new TheoryData<string, string?>();
        foreach (var endpoint in Declared.Keys)
            foreach (var caller in new string?[] { null, Roles.Viewer, Roles.Operator, Roles.Admin })
                data.Add(endpoint, caller);
        return data;
    }

    [Fact]
    public void MappedEndpoints_EachDeclaresItsRole_AsTheTableSays()
    {
        var mapped = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Key: $"{m} {e.RoutePattern.RawText}", Access: Access(e))))
            .ToList();

        Assert.Empty(mapped.Where(m => m.Access is null).Select(m => m.Key));
        Assert.Equal(Declared.OrderBy(d => d.Key, StringComparer.Ordinal), mapped.Select(m => KeyValuePair.Create(m.Key, m.Access!)).OrderBy(d => d.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EndpointsAndCallers))]
    public async Task Endpoint_Caller_IsAllowedOrRefusedAsDeclared(string endpoint, string? caller)
    {
        var (method, pattern) = (endpoint.Split(' ')[0].Replace("*", "GET", StringComparison.Ordinal), endpoint.Split(' ')[1]);
        using var client = host.Factory.CreateClient(caller);
        using var request = new HttpRequestMessage(new HttpMethod(method), Gateway.Url(Fill(pattern)));
        if (method is "PUT" or "POST") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        var required = Declared[endpoint];
        if (required == Open || (caller is not null && Roles.AtLeast(required).Contains(caller)))
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else if (caller is null)
        {
            var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "X-Api-Key");
            Assert.Equal("Unauthenticated", (string?)problem["reason"]);
            Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
        }
        else
        {
            var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, $"needs the '{required}' role", $"'{caller}'");
            Assert.Equal("Forbidden", (string?)problem["reason"]);
        }
    }

    private static string? Access(Microsoft.AspNetCore.Http.Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return Open;
        return endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(Roles.IsKnown);
    }

    private static string Fill(string pattern) => pattern
        .Replace("{namespace}", "roles-ns", StringComparison.Ordinal)
        .Replace("{name}", "roles-name", StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal)
        .Replace("{id}", "rec-0123456789abcdef", StringComparison.Ordinal)
        .Replace("{**path}", "index.html", StringComparison.Ordinal);
}
