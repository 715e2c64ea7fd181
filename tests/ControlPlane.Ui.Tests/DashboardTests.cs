using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlPlane.Ui.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ControlPlane.Ui.Tests;

/// <summary>The dashboard in Chromium against a real plane: every page shows what the API holds.</summary>
[Collection(SharedDashboard.Name)]
public sealed partial class DashboardTests(DashboardFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        _context.SetDefaultTimeout(10_000);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task ModelsPage_AfterKey_ShowsTheModelRowWithItsReplicasAndTrend()
    {
        await OpenAsync("#/models");

        var row = _page.Locator($"#models-table tr[data-model='{DashboardFixture.ScaledModel}']");
        await Expect(row.Locator("[data-field=replicas]")).ToHaveTextAsync("2");
        await Expect(row.Locator("[data-field=version]")).ToHaveTextAsync("1.4.2");
        await Expect(row.Locator("[data-field=utilization]")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? %$"));
        await Expect(row.Locator("svg.sparkline polyline")).ToHaveAttributeAsync("points", NonEmpty());
        await ScreenshotAsync("models");
    }

    [Fact]
    public async Task ModelPage_ScaledModel_ChartsUtilizationAndReplicas()
    {
        await OpenAsync($"#/models/{DashboardFixture.ScaledModel}");

        await Expect(_page.Locator("#utilization-chart path.series")).ToHaveAttributeAsync("d", PathWithPoints());
        await Expect(_page.Locator("#utilization-chart path.band")).ToHaveAttributeAsync("d", PathWithPoints());
        await Expect(_page.Locator("#replicas-chart path.series")).ToHaveAttributeAsync("d", PathWithPoints());
        await ScreenshotAsync("model");
    }

    [Fact]
    public async Task ModelPage_ScaleDecision_ShowsKindOutcomeCallerAndLinkedCommit()
    {
        var decisions = await fixture.GetDecisionsAsync(DashboardFixture.ScaledModel);
        var scale = decisions.Single(d => (string)d!["kind"]! == "scale" && (int?)d["toReplicas"] == 2)!;
        var sha = (string)scale["commitSha"]!;

        await OpenAsync($"#/models/{DashboardFixture.ScaledModel}");

        var item = _page.Locator("#timeline li[data-kind=scale]").Filter(new() { Has = _page.Locator($"[data-sha='{sha}']") });
        await Expect(item).ToContainTextAsync("1 → 2 replicas");
        await Expect(item).ToContainTextAsync("applied");
        await Expect(item).ToContainTextAsync("by controlplane");
        var link = item.Locator("a.sha");
        await Expect(link).ToHaveTextAsync(sha[..10]);
        await Expect(link).ToHaveAttributeAsync("href", EmbeddedPlane.CommitUrlTemplate.Replace("{sha}", sha, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rollback_OperatorGivesReason_ReturnsToStableVersionAndShowsTheDecision()
    {
        await OpenAsync($"#/models/{DashboardFixture.RolloutModel}");
        await Expect(_page.Locator("#model-phase")).ToHaveTextAsync("Progressing");
        string? asked = null;
        _page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync("ui test: latency regression");
        };

        await _page.Locator("#rollback").ClickAsync();

        await Expect(_page.Locator("#rollback-result")).ToContainTextAsync("Rolled back: risk/churn-mm now runs version 2.0.0");
        Assert.Contains("Say why", asked, StringComparison.Ordinal);
        var model = await fixture.GetModelAsync(DashboardFixture.RolloutModel);
        Assert.Equal("2.0.0", (string)model["spec"]!["version"]!);
        Assert.NotEqual("Progressing", (string)model["phase"]!);
        var item = _page.Locator("#timeline li[data-kind=rollback]");
        await Expect(item).ToContainTextAsync($"by key/{EmbeddedPlane.KeyName}");
        await Expect(item).ToContainTextAsync("ui test: latency regression");
        await Expect(_page.Locator("#model-phase")).Not.ToHaveTextAsync("Progressing");
        await ScreenshotAsync("model-rollback");
    }

    [Fact]
    public async Task Rollback_ViewerKey_ShowsTheForbiddenProblemAndChangesNothing()
    {
        using var created = await fixture.Api.PostAsJsonAsync("/api/v1/keys", new { name = "ui-viewer", role = "viewer" });
        var viewerKey = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["key"]!;
        var before = await fixture.GetModelAsync(DashboardFixture.ScaledModel);
        await OpenAsync($"#/models/{DashboardFixture.ScaledModel}", viewerKey);
        _page.Dialog += async (_, dialog) => await dialog.AcceptAsync("viewer tries");

        await _page.Locator("#rollback").ClickAsync();

        await Expect(_page.Locator("#rollback-result")).ToContainTextAsync("Not rolled back: This key's role may not do that (403).");
        await Expect(_page.Locator("#rollback-result")).ToContainTextAsync("operator");
        var after = await fixture.GetModelAsync(DashboardFixture.ScaledModel);
        Assert.Equal((string)before["spec"]!["version"]!, (string)after["spec"]!["version"]!);
        await ScreenshotAsync("model-rollback-forbidden");
    }

    [Fact]
    public async Task BudgetsPage_BudgetOfTheModels_ShowsSpendLimitAndForecast()
    {
        await OpenAsync("#/budgets");

        var card = _page.Locator($"[data-budget='{DashboardFixture.Budget}']");
        await Expect(card.Locator("[data-fact=limit] dd")).ToHaveTextAsync("50,000.00 USD");
        await Expect(card.Locator("[data-fact=spend] dd")).ToHaveTextAsync(new Regex(@"^\d[\d,]*\.\d\d USD$"));
        await Expect(card.Locator("[data-fact=forecast] dd")).ToHaveTextAsync(new Regex(@"^\d[\d,]*\.\d\d USD$"));
        await Expect(card.Locator("svg.chart-line path[data-series=forecast]")).ToHaveAttributeAsync("d", PathWithPoints());
        await ScreenshotAsync("budgets");
    }

    [Fact]
    public async Task BudgetsPage_BudgetNoModelNames_ShowsItsLimit()
    {
        await OpenAsync("#/budgets");

        var card = _page.Locator($"[data-budget='{DashboardFixture.UnusedBudget}']");
        await Expect(card.Locator("[data-fact=limit] dd")).ToHaveTextAsync("1,200.00 EUR");
    }

    [Fact]
    public async Task ClustersPage_ClusterNoModelNames_ShowsItsPoolWithNothingReserved()
    {
        await OpenAsync("#/clusters");

        var pool = _page.Locator($"[data-cluster='{DashboardFixture.UnusedCluster}'] tr[data-pool=nvidia-l4]");
        await Expect(pool.Locator("[data-field=capacity]")).ToHaveTextAsync("4");
        await Expect(pool.Locator("[data-field=reserved]")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task ClustersPage_ClusterOfTheModels_ShowsReservationsAgainstCapacity()
    {
        await OpenAsync("#/clusters");

        var pool = _page.Locator($"[data-cluster='{DashboardFixture.Cluster}'] tr[data-pool=nvidia-a100]");
        await Expect(pool.Locator("[data-field=capacity]")).ToHaveTextAsync("16");
        // fraud-mm holds 2 GPUs after scaling; churn-mm 1 for its single replica.
        await Expect(pool.Locator("[data-field=reserved]")).ToHaveTextAsync("3");
        await Expect(_page.Locator($"[data-cluster='{DashboardFixture.Cluster}'] svg.chart-bar rect.bar")).ToHaveAttributeAsync("data-value", "3");
        await ScreenshotAsync("clusters");
    }

    [Fact]
    public async Task KeyForm_WrongKey_SaysTheKeyWasRefusedAndKeepsItOutOfUrlAndLocalStorage()
    {
        await _page.GotoAsync(new Uri(fixture.Plane.BaseAddress, "/ui/").ToString());
        await _page.Locator("#key-input").FillAsync("cpk_not-a-key");
        await _page.Locator("#key-form button[type=submit]").ClickAsync();

        await Expect(_page.Locator("#error")).ToContainTextAsync("The API key was not accepted (401)");
        await Expect(_page.Locator("#key-form")).ToBeVisibleAsync();
        Assert.DoesNotContain("cpk_", _page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await _page.EvaluateAsync<int>("localStorage.length"));
        await ScreenshotAsync("key-refused");
    }

    private async Task OpenAsync(string hash, string? key = null)
    {
        key ??= fixture.Plane.AdminKey;
        await _page.GotoAsync(new Uri(fixture.Plane.BaseAddress, "/ui/" + hash).ToString());
        await _page.Locator("#key-input").FillAsync(key);
        await _page.Locator("#key-form button[type=submit]").ClickAsync();
        await Expect(_page.Locator("#status")).ToContainTextAsync("updated");
        Assert.DoesNotContain(key, _page.Url, StringComparison.Ordinal);
        Assert.Equal(key, await _page.EvaluateAsync<string>("sessionStorage.getItem('controlplane.apiKey')"));
    }

    private async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(fixture.Screenshots, name + ".png");
        await _page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    [GeneratedRegex(@"^M[\d.\-]+,[\d.\-]+[LHV]")]
    private static partial Regex PathWithPoints();

    [GeneratedRegex(@"\d+(\.\d+)?,\d+(\.\d+)?\s+\d")]
    private static partial Regex NonEmpty();
}
