using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ControlPlane.Ui.Tests.Fixtures;

/// <summary>
/// One plane with a cluster, a budget, a model scaled up by GPU samples and a model with a rollout to roll back,
/// and one Chromium; each test opens its own page.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Cluster = "prod-eu";
    public const string Budget = "team-risk";

    /// <summary>A budget and a cluster no model names: only the list endpoints know them.</summary>
    public const string UnusedBudget = "spare-budget";
    public const string UnusedCluster = "spare-cluster";
    public const string ScaledModel = "risk/fraud-mm";
    public const string RolloutModel = "risk/churn-mm";

    /// <summary>A budget whose one model holds 3 replicas on its own cluster and gets no samples: a reserved rate, no spend.</summary>
    public const string QuietBudget = "team-quiet";
    public const string QuietCluster = "quiet-eu";
    public const string QuietModel = "risk/quiet-mm";
    public const int QuietReplicas = 3;
    public const double A100PricePerGpuHour = 3.2;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private IPlaywright? _playwright;

    public EmbeddedPlane Plane { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    /// <summary>Where each test leaves a screenshot of the page it checked.</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        Console.WriteLine($"Dashboard screenshots: {Screenshots}");
        // Chromium first: when it is missing, say so before spending time on a plane.
        (_playwright, Browser) = await Chromium.LaunchAsync();
        Plane = await EmbeddedPlane.StartAsync();
        Api = Plane.CreateClient();
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Plane is not null) await Plane.DisposeAsync();
    }

    public async Task<JsonObject> GetModelAsync(string id) =>
        (await Api.GetFromJsonAsync<JsonObject>($"/api/v1/models/{id}"))!;

    public async Task<JsonObject> GetBudgetAsync(string name) =>
        (await Api.GetFromJsonAsync<JsonObject>($"/api/v1/budgets/{name}"))!;

    public async Task<JsonArray> GetDecisionsAsync(string id) =>
        (await Api.GetFromJsonAsync<JsonArray>($"/api/v1/models/{id}/decisions"))!;

    private async Task SeedAsync()
    {
        await Send(HttpMethod.Put, $"/api/v1/clusters/{Cluster}",
            """{"pools":[{"gpuType":"nvidia-a100","capacity":16,"onDemandPricePerGpuHour":3.2,"spotPricePerGpuHour":1.1}]}""");
        await Send(HttpMethod.Put, $"/api/v1/budgets/{Budget}", """{"limit":50000,"period":"monthly","currency":"USD"}""");
        await Send(HttpMethod.Put, $"/api/v1/budgets/{UnusedBudget}", """{"limit":1200,"period":"weekly","currency":"EUR"}""");
        await Send(HttpMethod.Put, $"/api/v1/clusters/{UnusedCluster}", """{"pools":[{"gpuType":"nvidia-l4","capacity":4,"onDemandPricePerGpuHour":0.8}]}""");
        await Send(HttpMethod.Put, $"/api/v1/models/{ScaledModel}", Spec("fraud-mm", "1.4.2"));
        await Send(HttpMethod.Put, $"/api/v1/models/{RolloutModel}", Spec("churn-mm", "2.0.0"));
        await Send(HttpMethod.Put, $"/api/v1/clusters/{QuietCluster}",
            $$"""{"pools":[{"gpuType":"nvidia-a100","capacity":8,"onDemandPricePerGpuHour":{{A100PricePerGpuHour.ToString(CultureInfo.InvariantCulture)}}}]}""");
        await Send(HttpMethod.Put, $"/api/v1/budgets/{QuietBudget}", """{"limit":20000,"period":"monthly","currency":"USD"}""");
        await Send(HttpMethod.Put, $"/api/v1/models/{QuietModel}", Spec("quiet-mm", "0.9.0", QuietCluster, QuietBudget, QuietReplicas));

        // 97 % against a 70 % target: ceil(1 × 97 / 70) = 2 replicas.
        var now = DateTimeOffset.UtcNow.ToString("O");
        await Send(HttpMethod.Post, "/api/v1/signals/gpu",
            $$"""[{"model":"{{ScaledModel}}","pod":"fraud-mm-0","timestamp":"{{now}}","gpuUtilization":97}]""", HttpStatusCode.Accepted);
        await Eventually.Until(() => GetModelAsync(ScaledModel), m => (int)m["replicas"]! == 2, Deadline, $"{ScaledModel} scaling to 2 replicas");

        await Send(HttpMethod.Post, $"/api/v1/models/{RolloutModel}/versions",
            """{"version":"2.1.0","image":"images.example/risk/churn-mm:2.1.0","alignmentReportId":"AR-2026-0201"}""", HttpStatusCode.Accepted);
    }

    private static string Spec(string name, string version, string cluster = Cluster, string budget = Budget, int minReplicas = 1) => $$"""
        {"image":"images.example/risk/{{name}}:{{version}}","version":"{{version}}","cluster":"{{cluster}}","budget":"{{budget}}",
         "gpuType":"nvidia-a100","gpusPerReplica":1,"replicas":{"min":{{minReplicas}},"max":8},"targetGpuUtilization":70,
         "annotations":{"ai-alignment-report-id":"AR-2026-0117"},"workloadClass":"online"}
        """;

    private async Task Send(HttpMethod method, string path, string json, HttpStatusCode? expected = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        using var response = await Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected is null ? response.IsSuccessStatusCode : response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {body}");
    }
}

/// <summary>The tests that share one plane and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDashboard : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
