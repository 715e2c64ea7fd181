using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlPlane.Ui.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ControlPlane.Ui.Tests;

/// <summary>
/// The figures on a page agree with the API and with their neighbours, and each says what it is. Nothing here assumes a
/// date: a budget's period end does, so tests compare the page with the API, or figures with each other.
/// </summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task BudgetsPage_ReservedRateWithoutSpend_LabelsEachRateAndShowsTheProjectionItMakes()
    {
        var before = await fixture.GetBudgetAsync(DashboardFixture.QuietBudget);
        await OpenAsync("#/budgets");
        var card = _page.Locator($"[data-budget='{DashboardFixture.QuietBudget}']");
        var rate = DashboardFixture.QuietReplicas * DashboardFixture.A100PricePerGpuHour;

        await Expect(card.Locator("[data-fact=reserved-rate] dd")).ToHaveTextAsync($"{Money(rate)} / h");
        var shown = await FiguresAsync(card);
        var after = await fixture.GetBudgetAsync(DashboardFixture.QuietBudget);

        await Expect(card.Locator("[data-fact=reserved-rate] dt")).ToHaveTextAsync("reserved rate");
        await Expect(card.Locator("[data-fact=burn-rate] dt")).ToHaveTextAsync("observed burn rate (last 24 h)");
        await Expect(card.Locator("[data-fact=burn-rate] dd")).ToHaveTextAsync($"{Money(0)} / h");
        await Expect(card.Locator("[data-fact=spend] dd")).ToHaveTextAsync(Money(0));
        // Nothing spent, so the forecast has no history and stays at the spend; the reserved rate's projection does not.
        await Expect(card.Locator("[data-fact=forecast] dd")).ToHaveTextAsync(Money(0));
        await Expect(card.Locator("[data-group=forecast] h4")).ToContainTextAsync("no-history");
        Assert.Equal(rate * shown["hours-left"]!.Value, shown["reserved-projection"]!.Value, 6);
        // The projection shrinks as the period runs out: the page's lies between the API's before and after it rendered.
        Assert.InRange(shown["reserved-projection"]!.Value, Number(after, "reserved.projectedAtPeriodEnd"), Number(before, "reserved.projectedAtPeriodEnd"));
        await ScreenshotAsync("budget-reserved-without-spend");
    }

    [Fact]
    public async Task BudgetsPage_ModelWithoutSpend_DrawsNoSpendBar()
    {
        await OpenAsync("#/budgets");

        var card = _page.Locator($"[data-budget='{DashboardFixture.QuietBudget}']");
        var row = card.Locator($"tr[data-model='{DashboardFixture.QuietModel}']");
        await Expect(row.Locator("[data-field=spend]")).ToHaveTextAsync(Money(0));
        await Expect(row.Locator("[data-field=bar] rect.bar")).ToHaveAttributeAsync("width", "0");
        await Expect(row.Locator("[data-field=reserved-rate]")).ToHaveTextAsync($"{Money(DashboardFixture.QuietReplicas * DashboardFixture.A100PricePerGpuHour)} / h");
        await Expect(card.Locator("svg.chart-bar rect.bar")).ToHaveAttributeAsync("width", "0");
    }

    [Fact]
    public async Task BudgetsPage_BudgetWithSpend_FiguresEqualTheApiAndAddUp()
    {
        await OpenAsync("#/budgets");
        var card = _page.Locator($"[data-budget='{DashboardFixture.Budget}']");
        await Expect(card.Locator("[data-fact=reserved-rate]")).ToBeVisibleAsync();

        var shown = await FiguresAsync(card);
        var rows = await card.Locator("tr[data-model]").EvaluateAllAsync<double[][]>(
            "rows => rows.map(r => [Number(r.querySelector('[data-field=spend]').dataset.value), Number(r.querySelector('[data-field=reserved-rate]').dataset.value)])");
        var api = await fixture.GetBudgetAsync(DashboardFixture.Budget);

        // Spend and reserved rates stand still between polls (no samples arrive); the rest move with the clock.
        Assert.Equal(Number(api, "spend"), shown["spend"]);
        Assert.Equal(Number(api, "remaining"), shown["remaining"]);
        Assert.Equal(Number(api, "reserved.ratePerHour"), shown["reserved-rate"]);
        Assert.True(shown["spend"] > 0, "the scaled model has spent nothing yet");
        var (spend, hours) = (shown["spend"]!.Value, shown["hours-left"]!.Value);
        Assert.Equal(spend + shown["reserved-rate"]!.Value * hours, shown["reserved-projection"]!.Value, 6);
        Assert.Equal(spend + shown["forecast-rate"]!.Value * hours, shown["forecast"]!.Value, 6);
        Assert.Equal(spend, rows.Sum(r => r[0]), 9);
        Assert.Equal(shown["reserved-rate"]!.Value, rows.Sum(r => r[1]), 9);
        await Expect(card.Locator("[data-fact=spend] dd")).ToHaveTextAsync(Money(spend));
        await Expect(card.Locator("[data-fact=reserved-rate] dd")).ToHaveTextAsync($"{Money(shown["reserved-rate"]!.Value)} / h");
    }

    [Fact]
    public async Task ClustersPage_PoolWithNothingReserved_DrawsNoBar()
    {
        await OpenAsync("#/clusters");

        var bar = _page.Locator($"[data-cluster='{DashboardFixture.UnusedCluster}'] svg.chart-bar rect.bar");
        await Expect(bar).ToHaveAttributeAsync("data-value", "0");
        await Expect(bar).ToHaveAttributeAsync("width", "0");
    }

    [Fact]
    public async Task ModelsPage_EveryColumn_ShowsItsFigureUnderItsHeading()
    {
        await OpenAsync("#/models");
        var row = _page.Locator($"#models-table tr[data-model='{DashboardFixture.ScaledModel}']");
        await Expect(row.Locator("[data-field=replicas]")).ToHaveTextAsync("2");

        foreach (var (heading, field) in new[] { ("version", "version"), ("replicas", "replicas"), ("GPU utilization", "utilization") })
        {
            var th = await _page.Locator("#models-table thead th").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(heading)) }).BoundingBoxAsync();
            var td = await row.Locator($"[data-field={field}]").BoundingBoxAsync();
            var middle = td!.X + td.Width / 2;
            Assert.True(middle >= th!.X && middle <= th.X + th.Width, $"'{heading}' spans {th.X:0}–{th.X + th.Width:0} px but its figure is at {middle:0} px");
        }
    }

    [Fact]
    public async Task ModelPage_Utilization_SaysItIsTheWindowMeanAndGivesTheBandInPercent()
    {
        var model = await fixture.GetModelAsync(DashboardFixture.ScaledModel);
        await OpenAsync($"#/models/{DashboardFixture.ScaledModel}");

        var utilization = _page.Locator("[data-fact=utilization]");
        await Expect(utilization.Locator("dt")).ToHaveTextAsync($"GPU utilization ({(int)model["spec"]!["metricWindowSeconds"]!} s mean)");
        await Expect(utilization.Locator("dd")).ToHaveTextAsync($"{Math.Round((double)model["observedGpuUtilization"]!, 1, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} %");
        // A 10 % tolerance on a 70 % target is 63–77 %, not 60–80 %.
        await Expect(_page.Locator("#utilization-legend")).ToContainTextAsync("band: 63–77 %");
    }

    /// <summary>Every headline figure of one render, by name: read in one call, so no poll can land between two of them.</summary>
    private static async Task<Dictionary<string, double?>> FiguresAsync(ILocator card) =>
        await card.EvaluateAsync<Dictionary<string, double?>>(
            "card => Object.fromEntries([...card.querySelectorAll('[data-fact]')].map(f => [f.dataset.fact, f.dataset.value === undefined ? null : Number(f.dataset.value)]))");

    private static double Number(JsonObject json, string path) =>
        (double)path.Split('.').Aggregate<string, JsonNode?>(json, (node, name) => node?[name])!;

    /// <summary>As the page formats money: two decimals, thousands separated by commas.</summary>
    private static string Money(double amount, string currency = "USD") =>
        $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";
}
