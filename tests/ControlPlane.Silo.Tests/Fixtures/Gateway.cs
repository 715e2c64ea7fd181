using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>A model registered through the gateway together with the cluster and budget made for it.</summary>
public sealed record RegisteredModel(string Namespace, string Name, string Cluster, string Budget)
{
    public string Id => $"{Namespace}/{Name}";

    public string Path => $"/api/v1/models/{Id}";
}

/// <summary>Calls on the v1 REST contract as a client sends them.</summary>
public static class Gateway
{
    public static readonly TimeSpan DecisionTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A DNS-1123 label unique to this call, so tests sharing a host never meet.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static Uri Url(string path) => new(path, UriKind.Relative);

    public static StringContent Json(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    public static StringContent Json(JsonNode body) => Json(body.ToJsonString());

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string path, JsonNode body) =>
        client.PutAsync(Url(path), Json(body));

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostAsync(Url(path), Json(body));

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path) => client.GetAsync(Url(path));

    /// <summary>The status code a GET of <paramref name="path"/> answers with.</summary>
    public static async Task<HttpStatusCode> StatusAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(Url(path));
        return response.StatusCode;
    }

    /// <summary>GETs <paramref name="path"/>, asserts 200 and returns the JSON body.</summary>
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(Url(path));
        return await OkJson(response, HttpStatusCode.OK);
    }

    public static async Task<JsonNode> OkJson(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("the body is JSON null.");
    }

    public static async Task<string> PutClusterAsync(this HttpClient client, JsonObject? body = null)
    {
        var name = UniqueName("c");
        using var response = await client.PutAsync($"/api/v1/clusters/{name}", body ?? Bodies.Cluster());
        await OkJson(response, HttpStatusCode.OK);
        return name;
    }

    public static async Task<string> PutBudgetAsync(this HttpClient client, JsonObject? body = null)
    {
        var name = UniqueName("b");
        using var response = await client.PutAsync($"/api/v1/budgets/{name}", body ?? Bodies.Budget());
        await OkJson(response, HttpStatusCode.OK);
        return name;
    }

    /// <summary>A fresh cluster (with <paramref name="capacity"/> GPUs) and budget, and a valid spec for a model not yet registered.</summary>
    public static async Task<(string Path, JsonObject Spec)> NewModelRequestAsync(this HttpClient client, int capacity = 8)
    {
        var cluster = await client.PutClusterAsync(Bodies.Cluster(capacity: capacity));
        var budget = await client.PutBudgetAsync();
        return ($"/api/v1/models/{UniqueName("ns")}/{UniqueName("m")}", Bodies.Model(cluster, budget));
    }

    /// <summary>Registers a fresh cluster, budget and model; <paramref name="configure"/> may change the model spec first.</summary>
    public static async Task<RegisteredModel> RegisterModelAsync(this HttpClient client, Action<JsonObject>? configure = null, JsonObject? cluster = null)
    {
        var clusterName = await client.PutClusterAsync(cluster);
        var budget = await client.PutBudgetAsync();
        var (ns, name) = (UniqueName("ns"), UniqueName("m"));
        var spec = Bodies.Model(clusterName, budget);
        configure?.Invoke(spec);
        using var response = await client.PutAsync($"/api/v1/models/{ns}/{name}", spec);
        await OkJson(response, HttpStatusCode.Created);
        return new RegisteredModel(ns, name, clusterName, budget);
    }

    public static async Task<JsonNode> PostGpuSamplesAsync(this HttpClient client, params JsonNode[] samples)
    {
        using var response = await client.PostAsync("/api/v1/signals/gpu", new JsonArray(samples.Select(s => (JsonNode?)s.DeepClone()).ToArray()));
        return await OkJson(response, HttpStatusCode.Accepted);
    }

    /// <summary>Polls the model's decision log until it holds a committed decision of <paramref name="kind"/>; returns it.</summary>
    public static async Task<JsonNode> CommittedDecisionAsync(this HttpClient client, RegisteredModel model, string kind)
    {
        ArgumentNullException.ThrowIfNull(model);
        var decisions = await Eventually.Until(
            async () => (await client.GetJsonAsync($"{model.Path}/decisions")).AsArray(),
            log => log.Any(d => Is(d, kind) && d!["commitSha"] is not null),
            DecisionTimeout, $"a committed '{kind}' decision for {model.Id}");
        return decisions.First(d => Is(d, kind) && d!["commitSha"] is not null)!;

        static bool Is(JsonNode? decision, string kind) => (string?)decision?["kind"] == kind;
    }
}
