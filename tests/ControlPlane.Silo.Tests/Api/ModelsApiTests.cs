using System.Net;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>Register, update, read and list models, and read their decision logs.</summary>
[Collection(SharedGateway.Name)]
public sealed class ModelsApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task PutModel_New_Returns201WithLocationAndView()
    {
        var (path, spec) = await _client.NewModelRequestAsync();

        using var response = await _client.PutAsync(path, spec);

        var view = await Gateway.OkJson(response, HttpStatusCode.Created);
        Assert.Equal(path, response.Headers.Location?.OriginalString);
        Assert.Equal(path["/api/v1/models/".Length..], (string?)view["id"]);
        Assert.Equal(1, (int?)view["replicas"]);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
    }

    [Fact]
    public async Task PutModel_ChangedSpec_Returns200AndRecordsUpdateDecision()
    {
        var model = await _client.RegisterModelAsync();
        var spec = Bodies.Model(model.Cluster, model.Budget, version: "1.5.0");

        using var response = await _client.PutAsync(model.Path, spec);

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal("1.5.0", (string?)view["spec"]!["version"]);
        var decisions = (await _client.GetJsonAsync($"{model.Path}/decisions")).AsArray();
        Assert.Equal("update register", string.Join(' ', decisions.Select(d => (string?)d!["kind"])));
    }

    [Fact]
    public async Task PutModel_SameSpecAgain_Returns200WithoutANewDecision()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.PutAsync(model.Path, Bodies.Model(model.Cluster, model.Budget));

        await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Single((await _client.GetJsonAsync($"{model.Path}/decisions")).AsArray());
    }

    [Fact]
    public async Task GetModel_Registered_ReturnsSpecReplicasAndStablePhase()
    {
        var model = await _client.RegisterModelAsync();

        var view = await _client.GetJsonAsync(model.Path);

        Assert.Equal(model.Id, (string?)view["id"]);
        Assert.Equal(model.Cluster, (string?)view["spec"]!["cluster"]);
        Assert.Equal(1, (int?)view["replicas"]);
        Assert.Equal("Stable", (string?)view["phase"]);
        Assert.Equal("1.4.2", (string?)view["stableVersion"]);
        Assert.Matches("^[0-9a-f]{40}$", (string?)view["lastCommitSha"]);
        Assert.Equal(2.5, (double?)view["pricePerGpuHour"]);
    }

    [Fact]
    public async Task GetModel_NotRegistered_Returns404NamingIt()
    {
        using var response = await _client.GetAsync("/api/v1/models/nobody/nothing");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "'nobody/nothing'");
    }

    [Fact]
    public async Task ListModels_AfterRegistration_ListsIdVersionReplicasAndPhase()
    {
        var model = await _client.RegisterModelAsync();

        var list = (await _client.GetJsonAsync("/api/v1/models")).AsArray();

        var entry = Assert.Single(list, m => (string?)m!["id"] == model.Id)!;
        Assert.Equal("1.4.2", (string?)entry["version"]);
        Assert.Equal(1, (int?)entry["replicas"]);
        Assert.Equal("Stable", (string?)entry["phase"]);
    }

    [Fact]
    public async Task ListModels_Always_SortedById()
    {
        await _client.RegisterModelAsync();
        await _client.RegisterModelAsync();

        var ids = (await _client.GetJsonAsync("/api/v1/models")).AsArray().Select(m => (string)m!["id"]!).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task GetModelDecisions_AfterRegistration_ReturnsCommittedRegisterDecision()
    {
        var model = await _client.RegisterModelAsync();

        var decision = Assert.Single((await _client.GetJsonAsync($"{model.Path}/decisions")).AsArray())!;

        Assert.Equal("register", (string?)decision["kind"]);
        Assert.Equal(model.Id, (string?)decision["model"]);
        Assert.Equal(1, (int?)decision["toReplicas"]);
        Assert.Matches("^[0-9a-f]{40}$", (string?)decision["commitSha"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)decision["id"]));
        Assert.Contains(model.Cluster, (string?)decision["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetModelDecisions_LimitOne_ReturnsOnlyTheNewest()
    {
        var model = await _client.RegisterModelAsync();
        using (await _client.PutAsync(model.Path, Bodies.Model(model.Cluster, model.Budget, version: "2.0.0"))) { }

        var decisions = (await _client.GetJsonAsync($"{model.Path}/decisions?limit=1")).AsArray();

        Assert.Equal("update", (string?)Assert.Single(decisions)!["kind"]);
    }

    [Fact]
    public async Task GetModelDecisions_NotRegistered_Returns404()
    {
        using var response = await _client.GetAsync("/api/v1/models/nobody/nothing/decisions");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "'nobody/nothing'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    public async Task GetModelDecisions_LimitOutOfRange_Returns400NamingLimit(string limit)
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.GetAsync($"{model.Path}/decisions?limit={limit}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task PutModel_TwiceConcurrently_CreatesItOnce()
    {
        var (path, spec) = await _client.NewModelRequestAsync();

        var responses = await Task.WhenAll(_client.PutAsync(path, spec), _client.PutAsync(path, spec));

        Assert.Equal("Created OK", string.Join(' ', responses.Select(r => r.StatusCode.ToString()).Order(StringComparer.Ordinal)));
        Assert.Single((await _client.GetJsonAsync($"{path}/decisions")).AsArray());
        foreach (var response in responses) response.Dispose();
    }
}
