using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

[Collection(SharedGateway.Name)]
public sealed class DecisionsApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    private async Task<JsonArray> RecentAsync(string query = "?limit=1000") =>
        (await _client.GetJsonAsync($"/api/v1/decisions{query}")).AsArray();

    [Fact]
    public async Task GetDecisions_TwoRegistrations_ListsTheNewerFirst()
    {
        var first = await _client.RegisterModelAsync();
        var second = await _client.RegisterModelAsync();

        var models = (await RecentAsync()).Select(d => (string?)d!["model"]).ToList();

        Assert.True(models.IndexOf(second.Id) >= 0 && models.IndexOf(second.Id) < models.IndexOf(first.Id),
            $"{second.Id} should come before {first.Id}: {string.Join(", ", models)}");
    }

    [Fact]
    public async Task GetDecisions_Always_OrderedNewestFirst()
    {
        await _client.RegisterModelAsync();
        await _client.RegisterModelAsync();

        var times = (await RecentAsync()).Select(d => DateTimeOffset.Parse((string)d!["at"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task GetDecisions_AfterRegistration_CarriesTheCommitSha()
    {
        var model = await _client.RegisterModelAsync();

        var decision = Assert.Single(await RecentAsync($"?model={model.Id}"))!;

        Assert.Equal("register", (string?)decision["kind"]);
        Assert.Matches("^[0-9a-f]{40}$", (string?)decision["commitSha"]);
    }

    [Fact]
    public async Task GetDecisions_ModelFilter_ReturnsOnlyThatModelsDecisions()
    {
        var model = await _client.RegisterModelAsync();
        await _client.RegisterModelAsync();
        using (await _client.PutAsync(model.Path, Bodies.Model(model.Cluster, model.Budget, version: "1.9.0"))) { }

        var decisions = await RecentAsync($"?model={model.Id}");

        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(model.Id, (string?)d!["model"]));
        Assert.Equal("update", (string?)decisions[0]!["kind"]);
    }

    [Fact]
    public async Task GetDecisions_ModelFilterForUnknownModel_ReturnsEmptyList()
    {
        Assert.Empty(await RecentAsync($"?model=nobody/{Gateway.UniqueName("ghost")}"));
    }

    [Fact]
    public async Task GetDecisions_LimitOne_ReturnsOneDecision()
    {
        await _client.RegisterModelAsync();

        Assert.Single(await RecentAsync("?limit=1"));
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?limit=-1")]
    public async Task GetDecisions_LimitOutOfRange_Returns400NamingLimit(string query)
    {
        using var response = await _client.GetAsync($"/api/v1/decisions{query}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task GetDecisions_LimitNotANumber_Returns400Problem()
    {
        using var response = await _client.GetAsync("/api/v1/decisions?limit=ten");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetDecisions_LimitNotANumber_DetailNamesLimit()
    {
        using var response = await _client.GetAsync("/api/v1/decisions?limit=ten");

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "limit");
    }
}
