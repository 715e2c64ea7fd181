using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.FinOps;

/// <summary>A plane whose FinOps webhook points at a stub that fails its first call, signing with a secret file.</summary>
public sealed class WebhookPlane : IAsyncLifetime, IDisposable
{
    public const string Secret = "s3cret-finops-webhook";
    private readonly TempDataDirectory _files = new();
    private Plane? _plane;

    public WebhookStub Stub { get; private set; } = null!;

    public HttpClient Client => _plane!.Client;

    public async Task InitializeAsync()
    {
        Stub = await WebhookStub.StartAsync(failFirst: 1);
        var secretFile = _files.Combine("webhook-secret");
        await File.WriteAllTextAsync(secretFile, Secret + "\n");
        _plane = new Plane(new()
        {
            ["ControlPlane:FinOps:WebhookUrl"] = Stub.Url,
            ["ControlPlane:FinOps:WebhookSecretFile"] = secretFile,
            ["ControlPlane:FinOps:WebhookRetryDelay"] = "00:00:00.010",
            ["ControlPlane:FinOps:EvaluationInterval"] = "00:00:00",
        });
        await _plane.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_plane is not null) await _plane.DisposeAsync();
        await Stub.DisposeAsync();
    }

    public void Dispose() => _files.Dispose();

    private sealed class Plane(Dictionary<string, string> settings) : RunningPlane(settings);
}

public sealed class FinOpsWebhookTests(WebhookPlane plane) : IClassFixture<WebhookPlane>
{
    [Fact]
    public async Task ThresholdCrossed_WebhookFailsOnce_IsRetriedSignedAndRecorded()
    {
        // At 10,000 per GPU-hour a millisecond of one GPU is past half of a 0.001 budget; warn lets the scale-up through.
        var budget = Gateway.UniqueName("b");
        var spec = Bodies.Budget(limit: 0.001);
        spec["enforcement"] = "warn";
        spec["thresholds"] = new JsonArray(50);
        using (var put = await plane.Client.PutAsync($"/api/v1/budgets/{budget}", spec)) await Gateway.OkJson(put, System.Net.HttpStatusCode.OK);
        var cluster = await plane.Client.PutClusterAsync(Bodies.Cluster(price: 10_000));
        var id = $"{Gateway.UniqueName("ns")}/{Gateway.UniqueName("m")}";
        using (var put = await plane.Client.PutAsync($"/api/v1/models/{id}", Bodies.Model(cluster, budget)))
            await Gateway.OkJson(put, System.Net.HttpStatusCode.Created);

        await plane.Client.PostGpuSamplesAsync(Bodies.GpuSample(id, 98));

        await Eventually.Until(() => Task.FromResult(plane.Stub.Calls.Count(c => c.Status == 200 && Kind(c.Body) == "budget-threshold") == 1),
            TimeSpan.FromSeconds(30), "the threshold event delivered");
        var calls = plane.Stub.Calls.ToArray();
        Assert.Equal(500, calls[0].Status);
        Assert.Equal(calls[0].Body, calls[1].Body); // the retry sends the same event
        Assert.Equal($"budget:{budget}", (string?)JsonNode.Parse(calls[1].Body)!["subject"]);
        Assert.Equal("50", (string?)JsonNode.Parse(calls[1].Body)!["details"]!["threshold-percent"]);
        foreach (var (_, signature, body) in calls)
        {
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookPlane.Secret), body)), signature);
            Assert.DoesNotContain(WebhookPlane.Secret, Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        }
        var feed = (await plane.Client.GetJsonAsync("/api/v1/decisions")).AsArray();
        Assert.Single(feed, d => (string?)d!["kind"] == "budget-threshold" && (string?)d["model"] == $"budget:{budget}");
        var metrics = await plane.Client.GetStringAsync(Gateway.Url("/metrics"));
        Assert.Contains("controlplane_budget_events_total{kind=\"budget-threshold\"}", metrics, StringComparison.Ordinal);
        Assert.Contains($"controlplane_budget_limit{{budget=\"{budget}\"}} 0.001", metrics, StringComparison.Ordinal);
    }

    private static string? Kind(byte[] body) => (string?)JsonNode.Parse(body)!["kind"];
}
