using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Cli.Settings;

namespace ControlPlane.Cli.Gateway;

/// <summary>Calls the REST gateway with the key in <c>X-Api-Key</c>; every failure becomes a <see cref="CommandFailedException"/> with its exit code.</summary>
public sealed class GatewayClient : IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Uri _server;

    public GatewayClient(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _server = settings.Server;
        _http = new HttpClient { BaseAddress = settings.Server, Timeout = Timeout };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("cpctl", typeof(GatewayClient).Assembly.GetName().Version?.ToString(3)));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (settings.ApiKey is { } key) _http.DefaultRequestHeaders.Add(ApiKeyHeader, key);
    }

    /// <summary>GET <paramref name="path"/> (relative, e.g. <c>api/v1/models</c>); <paramref name="notFound"/> words a 404 that carries no detail.</summary>
    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken, string? notFound = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), notFound, cancellationToken);

    public Task<JsonNode> PostAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return SendAsync(request, null, cancellationToken);
    }

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, string? notFound, CancellationToken cancellationToken)
    {
        using var _ = request;
        var call = $"{request.Method} /{request.RequestUri}";
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw Refusal((int)response.StatusCode, call, body, notFound);
            return Parse(body, call);
        }
        catch (HttpRequestException e)
        {
            throw new CommandFailedException(ExitCodes.ServerError, $"cannot reach {_server}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CommandFailedException(ExitCodes.ServerError, $"{_server} did not answer {call} within {Timeout.TotalSeconds:0} s.");
        }
    }

    private static CommandFailedException Refusal(int status, string call, string body, string? notFound)
    {
        var problem = ProblemDetails.Read(body);
        var code = ExitCodes.ForStatus(status);
        if (status == 404 && problem.IsMissingEndpoint)
            return new CommandFailedException(code, notFound ?? $"{call}: the server has no such endpoint (404).");
        var reason = problem.Reason is { } word ? $"{status} {word}" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new CommandFailedException(code, $"{problem.Detail ?? $"{call} failed"} ({reason})");
    }

    private static JsonNode Parse(string body, string call)
    {
        try
        {
            return JsonNode.Parse(body) ?? throw new CommandFailedException(ExitCodes.ServerError, $"{call} answered JSON null.");
        }
        catch (JsonException)
        {
            throw new CommandFailedException(ExitCodes.ServerError, $"{call} answered something that is not JSON; is the server a ControlPlane gateway?");
        }
    }

    public void Dispose() => _http.Dispose();
}
