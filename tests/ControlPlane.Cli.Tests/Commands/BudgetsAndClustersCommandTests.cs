using ControlPlane.Cli.Tests.Fixtures;

namespace ControlPlane.Cli.Tests.Commands;

/// <summary><c>cpctl budgets get</c> and <c>cpctl clusters get</c>.</summary>
[Collection(SharedPlane.Name)]
public sealed class BudgetsAndClustersCommandTests(CliPlane plane)
{
    private readonly Cpctl _cpctl = Cpctl.Against(plane);

    [Fact]
    public async Task BudgetsGet_Table_ShowsLimitAndSpend()
    {
        var run = await _cpctl.RunAsync("budgets", "get", CliPlane.Budget);

        run.AssertOk();
        Assert.Matches(@"Limit:\s+50000 USD", run.Output);
        Assert.Matches(@"Spend:\s+\S+ USD", run.Output);
    }

    [Fact]
    public async Task BudgetsGet_Json_CarriesTheSpec()
    {
        var run = await _cpctl.RunAsync("budgets", "get", CliPlane.Budget, "-o", "json");

        run.AssertOk();
        Assert.Equal("monthly", (string?)run.Json()["spec"]?["period"]);
    }

    [Fact]
    public async Task BudgetsGet_Yaml_Parses()
    {
        var run = await _cpctl.RunAsync("budgets", "get", CliPlane.Budget, "-o", "yaml");

        run.AssertOk();
        Assert.Equal(CliPlane.Budget, Assert.IsType<Dictionary<object, object>>(run.Yaml())["name"]);
    }

    [Fact]
    public async Task BudgetsGet_Unknown_Exits3()
    {
        var run = await _cpctl.RunAsync("budgets", "get", "nobody");

        run.AssertFailed(ExitCodes.NotFound, "budget 'nobody' is not registered");
    }

    [Fact]
    public async Task ClustersGet_Table_ShowsPoolWithFreeGpus()
    {
        var run = await _cpctl.RunAsync("clusters", "get", CliPlane.Cluster);

        run.AssertOk();
        Assert.Matches(@"nvidia-a100\s+16\s+\d+\s+\d+\s+3\.2", run.Output);
        Assert.Contains(CliPlane.Model, run.Output, StringComparison.Ordinal); // its reservation
    }

    [Fact]
    public async Task ClustersGet_Json_HasPools()
    {
        var run = await _cpctl.RunAsync("clusters", "get", CliPlane.Cluster, "-o", "json");

        run.AssertOk();
        Assert.Equal(16, (int?)run.Json()["spec"]?["pools"]?[0]?["capacity"]);
    }

    [Fact]
    public async Task ClustersGet_NotALabel_Exits2()
    {
        var run = await _cpctl.RunAsync("clusters", "get", "Prod_EU");

        run.AssertFailed(ExitCodes.Usage, "cluster 'Prod_EU' is not a DNS-1123 label");
    }
}
