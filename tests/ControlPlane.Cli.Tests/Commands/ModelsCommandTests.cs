using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlPlane.Cli.Tests.Fixtures;

namespace ControlPlane.Cli.Tests.Commands;

/// <summary><c>cpctl models list|get|decisions|rollback</c> against a running plane, in every output format.</summary>
[Collection(SharedPlane.Name)]
public sealed class ModelsCommandTests(CliPlane plane)
{
    private readonly Cpctl _cpctl = Cpctl.Against(plane);

    [Fact]
    public async Task List_Table_ShowsModelVersionAndPhase()
    {
        var run = await _cpctl.RunAsync("models", "list");

        run.AssertOk();
        Assert.Contains("MODEL", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"risk/fraud-mm\s+1\.4\.2", run.Output);
    }

    [Fact]
    public async Task List_Json_IsTheServersArray()
    {
        var run = await _cpctl.RunAsync("models", "list", "--output", "json");

        run.AssertOk();
        Assert.Contains(run.Json().AsArray(), m => (string?)m?["id"] == CliPlane.Model);
    }

    [Fact]
    public async Task List_Yaml_ParsesToTheSameModels()
    {
        var run = await _cpctl.RunAsync("models", "list", "-o", "yaml");

        run.AssertOk();
        var models = Assert.IsType<List<object>>(run.Yaml());
        Assert.Contains(models, m => m is Dictionary<object, object> map && (string)map["id"] == CliPlane.Model);
    }

    [Fact]
    public async Task Get_Table_ShowsImageClusterAndReplicas()
    {
        var run = await _cpctl.RunAsync("models", "get", CliPlane.Model);

        run.AssertOk();
        Assert.Contains("registry.example.com/risk/fraud-mm:1.4.2", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Cluster:\s+prod-eu", run.Output);
        Assert.Matches(@"Replicas:\s+1 \(min 1, max 4\)", run.Output);
    }

    [Fact]
    public async Task Get_Json_CarriesTheSpec()
    {
        var run = await _cpctl.RunAsync("models", "get", CliPlane.Model, "-o", "json");

        run.AssertOk();
        Assert.Equal(CliPlane.Cluster, (string?)run.Json()["spec"]?["cluster"]);
    }

    [Fact]
    public async Task Get_Yaml_CarriesTheSpec()
    {
        var run = await _cpctl.RunAsync("models", "get", CliPlane.Model, "-o", "yaml");

        run.AssertOk();
        var model = Assert.IsType<Dictionary<object, object>>(run.Yaml());
        Assert.Equal(CliPlane.Budget, ((Dictionary<object, object>)model["spec"])["budget"]);
    }

    [Fact]
    public async Task Get_UnknownModel_Exits3WithTheServersDetail()
    {
        var run = await _cpctl.RunAsync("models", "get", "risk/nope");

        run.AssertFailed(ExitCodes.NotFound, "model 'risk/nope' is not registered");
    }

    [Fact]
    public async Task Get_NameNotNamespaceSlashName_Exits2BeforeAnyCall()
    {
        var run = await new Cpctl(new Dictionary<string, string> { ["CONTROLPLANE_URL"] = "http://127.0.0.1:1" }).RunAsync("models", "get", "Risk/x");

        run.AssertFailed(ExitCodes.Usage, "NAMESPACE/NAME");
    }

    [Fact]
    public async Task Decisions_Table_ShowsTheRegistration()
    {
        var run = await _cpctl.RunAsync("models", "decisions", CliPlane.Model, "--limit", "5");

        run.AssertOk();
        Assert.Matches(@"risk/fraud-mm\s+register\s+applied", run.Output);
    }

    [Fact]
    public async Task Decisions_LimitOutOfRange_Exits2()
    {
        var run = await _cpctl.RunAsync("models", "decisions", CliPlane.Model, "--limit", "0");

        run.AssertFailed(ExitCodes.Usage, "--limit must be between 1 and 1000");
    }

    [Fact]
    public async Task Rollback_ToEarlierRelease_Exits0AndShowsTheOldVersion()
    {
        const string model = "risk/rollback-cli";
        await plane.PutAsync($"/api/v1/models/{model}", Bodies.Model("1.4.2"));
        await plane.PutAsync($"/api/v1/models/{model}", Bodies.Model("1.5.0"));

        var run = await _cpctl.RunAsync("models", "rollback", model, "--reason", "cli test: latency", "--to-version", "1.4.2", "-o", "json");

        run.AssertOk();
        Assert.Equal("1.4.2", (string?)run.Json()["spec"]?["version"]);
        var decisions = await plane.Admin.GetFromJsonAsync<JsonArray>($"/api/v1/models/{model}/decisions?limit=1");
        Assert.Equal("rollback", (string?)decisions![0]?["kind"]);
    }

    [Fact]
    public async Task Rollback_UnknownVersion_Exits3()
    {
        var run = await _cpctl.RunAsync("models", "rollback", CliPlane.Model, "--reason", "cli test", "--to-version", "9.9.9");

        run.AssertFailed(ExitCodes.NotFound, "9.9.9");
    }

    [Fact]
    public async Task Rollback_WithoutReason_Exits2()
    {
        var run = await _cpctl.RunAsync("models", "rollback", CliPlane.Model);

        run.AssertFailed(ExitCodes.Usage, "--reason");
    }

    [Fact]
    public async Task Rollback_AsViewer_Exits4NamingTheRoleNeeded()
    {
        var run = await Cpctl.Against(plane, PlaneKeys.Viewer).RunAsync("models", "rollback", CliPlane.Model, "--reason", "cli test");

        run.AssertFailed(ExitCodes.Unauthorized, "operator");
    }
}
