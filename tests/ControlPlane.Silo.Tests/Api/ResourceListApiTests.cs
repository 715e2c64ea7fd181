using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary><c>GET /api/v1/budgets</c> and <c>GET /api/v1/clusters</c>: the summaries the resource catalogs list.</summary>
[Collection(SharedGateway.Name)]
public sealed class ResourceListApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    private async Task<JsonNode> ListedAsync(string kind, string name) =>
        Assert.Single((await _client.GetJsonAsync($"/api/v1/{kind}")).AsArray(), item => (string?)item!["name"] == name)!;

    [Fact]
    public async Task ListBudgets_NoModelNamesIt_ShowsLimitPeriodCurrencyAndSpend()
    {
        var name = await _client.PutBudgetAsync(Bodies.Budget(limit: 700, period: "weekly"));

        var budget = await ListedAsync("budgets", name);

        Assert.Equal(700, (double?)budget["limit"]);
        Assert.Equal("weekly", (string?)budget["period"]);
        Assert.Equal("USD", (string?)budget["currency"]);
        Assert.Equal(0, (double?)budget["spend"]);
        Assert.Equal(0, (double?)budget["forecastAtPeriodEnd"]);
        Assert.False((bool?)budget["forecastExceedsLimit"]);
    }

    [Fact]
    public async Task ListBudgets_SecondPut_ListedOnceWithTheNewLimit()
    {
        var name = await _client.PutBudgetAsync(Bodies.Budget(limit: 100));

        using var response = await _client.PutAsync($"/api/v1/budgets/{name}", Bodies.Budget(limit: 250));
        response.EnsureSuccessStatusCode();

        Assert.Equal(250, (double?)(await ListedAsync("budgets", name))["limit"]);
    }

    [Fact]
    public async Task ListBudgets_Always_InNameOrder()
    {
        await _client.PutBudgetAsync();
        await _client.PutBudgetAsync();

        var names = (await _client.GetJsonAsync("/api/v1/budgets")).AsArray().Select(b => (string)b!["name"]!).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task ListClusters_ModelRegistered_ShowsPoolCapacityAndReserved()
    {
        var model = await _client.RegisterModelAsync(spec => spec["replicas"] = new JsonObject { ["min"] = 2, ["max"] = 4 });

        var cluster = await ListedAsync("clusters", model.Cluster);

        var pool = Assert.Single(cluster["pools"]!.AsArray())!;
        Assert.Equal(Bodies.GpuType, (string?)pool["gpuType"]);
        Assert.Equal(8, (int?)pool["capacity"]);
        Assert.Equal(2, (int?)pool["reserved"]);
    }

    [Fact]
    public async Task ListClusters_NothingReserved_ShowsZeroReserved()
    {
        var name = await _client.PutClusterAsync(Bodies.Cluster(capacity: 3));

        var pool = Assert.Single((await ListedAsync("clusters", name))["pools"]!.AsArray())!;

        Assert.Equal(3, (int?)pool["capacity"]);
        Assert.Equal(0, (int?)pool["reserved"]);
    }

    [Fact]
    public async Task ListClusters_NotRegistered_NotListed()
    {
        var name = Gateway.UniqueName("c");
        using var probe = await _client.GetAsync($"/api/v1/clusters/{name}"); // wakes the grain without a spec

        var clusters = (await _client.GetJsonAsync("/api/v1/clusters")).AsArray();

        Assert.DoesNotContain(clusters, c => (string?)c!["name"] == name);
    }
}
