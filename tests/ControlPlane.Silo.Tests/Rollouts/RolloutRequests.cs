using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Rollouts;

/// <summary>Rollout calls on the v1 REST contract as a client sends them: propose a version, roll back, report drift.</summary>
public static class RolloutRequests
{
    public static Task<HttpResponseMessage> ProposeVersionAsync(this HttpClient client, RegisteredModel model, JsonNode proposal)
    {
        ArgumentNullException.ThrowIfNull(model);
        return client.PostAsync($"{model.Path}/versions", proposal);
    }

    public static Task<HttpResponseMessage> RollbackAsync(this HttpClient client, RegisteredModel model, JsonNode rollback)
    {
        ArgumentNullException.ThrowIfNull(model);
        return client.PostAsync($"{model.Path}/rollback", rollback);
    }

    public static Task<HttpResponseMessage> PostDriftAsync(this HttpClient client, params JsonNode[] samples) =>
        client.PostAsync("/api/v1/signals/drift", new JsonArray([.. samples.Select(s => (JsonNode?)s.DeepClone())]));

    /// <summary>Proposes <paramref name="version"/>, asserts 202 and returns the model view.</summary>
    public static async Task<JsonNode> StartRolloutAsync(this HttpClient client, RegisteredModel model, string version = "2.0.0", string report = "AR-2026-0200")
    {
        using var response = await client.ProposeVersionAsync(model, Bodies.VersionProposal(version, report));
        return await Gateway.OkJson(response, HttpStatusCode.Accepted);
    }

    /// <summary>Posts drift samples, asserts 202 and returns the batch result.</summary>
    public static async Task<JsonNode> PostAcceptedDriftAsync(this HttpClient client, params JsonNode[] samples)
    {
        using var response = await client.PostDriftAsync(samples);
        return await Gateway.OkJson(response, HttpStatusCode.Accepted);
    }

    /// <summary>A model registered with fast rollouts: analysis every second, promotion after two clean intervals.</summary>
    public static Task<RegisteredModel> RegisterFastRolloutModelAsync(this HttpClient client) =>
        client.RegisterModelAsync(spec => spec["rollout"] = Bodies.Rollout(intervalSeconds: 1, promoteAfter: 2));
}
