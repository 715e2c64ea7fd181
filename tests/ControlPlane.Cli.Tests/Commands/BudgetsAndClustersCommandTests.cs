using ControlPlane.Cli.Tests.Fixtures;

namespace ControlPlane.Cli.Tests.Commands;

/// <summary><c>cpctl budgets list|get</c> and <c>cpctl clusters list|get</c>.</summary>
[Collection(SharedPlane.Name)]
public sealed class BudgetsAndClustersCommandTests(CliPlane plane)
{
    private readonly Cpctl _cpctl = Cpctl.Against(plane);

    [Fact]
    public async Task BudgetsList_Table_ShowsLimitPeriodAndCurrency()
    {
        var run = await _cpctl.RunAsync("budgets", "list");

        run.AssertOk();
        Assert.Contains("BUDGET", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"team-risk\s+50000\s+monthly\s+\S+\s+\S+\s+USD", run.Output);
    }

    [Fact]
    public async Task BudgetsList_NoModelNamesIt_StillListed()
    {
        await plane.PutAsync("/api/v1/budgets/spare-capacity", Bodies.Budget());

        var run = await _cpctl.RunAsync("budgets", "list", "-o", "json");

        run.AssertOk();
        Assert.Contains(run.Json().AsArray(), b => (string?)b?["name"] == "spare-capacity");
    }

    [Fact]
    public async Task BudgetsList_Json_IsTheServersArray()
    {
        var run = await _cpctl.RunAsync("budgets", "list", "--output", "json");

        run.AssertOk();
        var budget = Assert.Single(run.Json().AsArray(), b => (string?)b?["name"] == CliPlane.Budget)!;
        Assert.Equal(50000, (double?)budget["limit"]);
        Assert.Equal("USD", (string?)budget["currency"]);
    }

    [Fact]
    public async Task BudgetsList_Yaml_ParsesToTheSameBudgets()
    {
        var run = await _cpctl.RunAsync("budgets", "list", "-o", "yaml");

        run.AssertOk();
        var budgets = Assert.IsType<List<object>>(run.Yaml());
        Assert.Contains(budgets, b => b is Dictionary<object, object> map && (string)map["name"] == CliPlane.Budget);
    }

    [Fact]
    public async Task BudgetsGet_Table_ShowsLimitAndSpend()
    {
        var run = await _cpctl.RunAsync("budgets", "get", CliPlane.Budget);

        run.AssertOk();
        Assert.Matches(@"Limit:\s+50000 USD", run.Output);
        Assert.Matches(@"Spend:\s+\S+ USD", run.Output);
    }

    [Fact]
    public async Task BudgetsGet_Table_NamesTheReservedRateAndTheBurnRateApart()
    {
        var run = await _cpctl.RunAsync("budgets", "get", CliPlane.Budget);

        run.AssertOk();
        Assert.Matches(@"Reserved rate per hour:\s+\S+ USD", run.Output);
        Assert.Matches(@"At period end, reserved rate:\s+\S+ USD", run.Output);
        Assert.Matches(@"Burn rate per hour, last 24 h:\s+\S+ USD", run.Output);
        Assert.Matches(@"Forecast at period end:\s+\S+ USD", run.Output);
        Assert.DoesNotContain("Projected spend", run.Output, StringComparison.Ordinal);
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
    public async Task ClustersList_Table_ShowsEachPoolWithCapacityReservedAndFree()
    {
        var run = await _cpctl.RunAsync("clusters", "list");

        run.AssertOk();
        Assert.Contains("CLUSTER", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"prod-eu\s+nvidia-a100\s+16\s+\d+\s+\d+", run.Output);
    }

    [Fact]
    public async Task ClustersList_Json_CarriesPoolCapacityAndReserved()
    {
        var run = await _cpctl.RunAsync("clusters", "list", "-o", "json");

        run.AssertOk();
        var cluster = Assert.Single(run.Json().AsArray(), c => (string?)c?["name"] == CliPlane.Cluster)!;
        Assert.Equal(16, (int?)cluster["pools"]?[0]?["capacity"]);
        Assert.NotNull((int?)cluster["pools"]?[0]?["reserved"]);
    }

    [Fact]
    public async Task ClustersList_Yaml_Parses()
    {
        var run = await _cpctl.RunAsync("clusters", "list", "-o", "yaml");

        run.AssertOk();
        var clusters = Assert.IsType<List<object>>(run.Yaml());
        Assert.Contains(clusters, c => c is Dictionary<object, object> map && (string)map["name"] == CliPlane.Cluster);
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
