using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>Every endpoint that reads a JSON body refuses other content types before anything is stored.</summary>
[Collection(SharedGateway.Name)]
public sealed class JsonBodyTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    public static readonly TheoryData<string, string> BodyEndpoints = new()
    {
        { "PUT", "/api/v1/clusters/{name}" },
        { "PUT", "/api/v1/budgets/{name}" },
        { "PUT", "/api/v1/models/{name}/{name}" },
        { "POST", "/api/v1/signals/gpu" },
    };

    private async Task<(string Path, JsonNode Body)> ValidRequestAsync(string route)
    {
        var name = Gateway.UniqueName("j");
        var path = route.Replace("{name}", name, StringComparison.Ordinal);
        if (route.Contains("clusters", StringComparison.Ordinal)) return (path, Bodies.Cluster());
        if (route.Contains("budgets", StringComparison.Ordinal)) return (path, Bodies.Budget());
        if (route.Contains("models", StringComparison.Ordinal))
            return (path, Bodies.Model(await _client.PutClusterAsync(), await _client.PutBudgetAsync()));
        var model = await _client.RegisterModelAsync();
        return (path, new JsonArray(Bodies.GpuSample(model.Id, 60)));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Gateway.Url(path)) { Content = content };
        return await _client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Endpoint_TextPlainContentType_Returns415SayingJsonIsRequired(string method, string route)
    {
        var (path, body) = await ValidRequestAsync(route);

        using var response = await SendAsync(method, path, Gateway.Json(body.ToJsonString(), "text/plain"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Endpoint_TextPlainContentType_IsRefusedAsAProblem(string method, string route)
    {
        var (path, body) = await ValidRequestAsync(route);

        using var response = await SendAsync(method, path, Gateway.Json(body.ToJsonString(), "text/plain"));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task Endpoint_NoContentType_Returns415SayingJsonIsRequired(string method, string route)
    {
        var (path, body) = await ValidRequestAsync(route);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));

        using var response = await SendAsync(method, path, content);

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
    }

    [Fact]
    public async Task PutModel_TextPlainContentType_RegistersNothing()
    {
        var (path, body) = await ValidRequestAsync("/api/v1/models/{name}/{name}");

        using (await SendAsync("PUT", path, Gateway.Json(body.ToJsonString(), "text/plain"))) { }

        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
    }

    [Fact]
    public async Task PutModel_JsonWithCharset_IsAccepted()
    {
        var (path, body) = await ValidRequestAsync("/api/v1/models/{name}/{name}");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        using var response = await SendAsync("PUT", path, content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("x\\udfffy")]
    public async Task PutModel_AnnotationWithLoneSurrogate_Returns400AndRegistersNothing(string escaped)
    {
        // A lone surrogate is no Unicode text: committed to Git it would become U+FFFD, not what the API accepted.
        var (path, body) = await ValidRequestAsync("/api/v1/models/{name}/{name}");
        var json = body.ToJsonString().Replace("\"AR-2026-0117\"", "\"AR-2026-0117\",\"note\":\"" + escaped + "\"", StringComparison.Ordinal);

        using var response = await SendAsync("PUT", path, Gateway.Json(json));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "$.annotations.note");
        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
    }
}
