using System.Text.Json.Nodes;
using Spectre.Console.Rendering;

namespace ControlPlane.Cli.Output;

/// <summary>Budgets as tables: the list (BudgetSummary) and one budget (BudgetView) with its spend by model.</summary>
public static class BudgetTable
{
    public static IRenderable List(JsonNode? budgets) => TableLayout.Rows(
        ["BUDGET", "LIMIT", "PERIOD", "SPEND", "FORECAST", "CURRENCY"],
        JsonText.Items(budgets).Select(b => new[]
        {
            JsonText.Of(b, "name"), JsonText.Of(b, "limit"), JsonText.Of(b, "period"), JsonText.Of(b, "spend"),
            JsonText.Of(b, "forecastAtPeriodEnd") + (JsonText.Of(b, "forecastExceedsLimit") == "true" ? " (over)" : ""),
            JsonText.Of(b, "currency"),
        }));

    public static IRenderable Detail(JsonNode? budget)
    {
        var currency = JsonText.Of(budget, "spec.currency");
        string Money(string field) => JsonText.Of(budget, field) is { Length: > 0 } amount ? $"{amount} {currency}" : "";
        var fields = TableLayout.Fields(
        [
            ("Budget", JsonText.Of(budget, "name")),
            ("Limit", Money("spec.limit")),
            ("Period", $"{JsonText.Of(budget, "spec.period")} from {JsonText.Of(budget, "periodStart")}" +
                (JsonText.Of(budget, "periodEnd") is { Length: > 0 } end ? $" to {end}" : "")),
            ("Enforcement", JsonText.Of(budget, "spec.enforcement")),
            ("Spend", Money("spend")),
            ("Remaining", Money("remaining")),
            // Each outlook next to the rate it comes from, as the dashboard shows them.
            ("Reserved rate per hour", Money("reserved.ratePerHour")),
            ("At period end, reserved rate", Money("reserved.projectedAtPeriodEnd")),
            ("Burn rate per hour, last 24 h", Money("forecast.burnRatePerHour")),
            ("Forecast at period end", Money("forecast.forecastAtPeriodEnd")),
            ("Updated", JsonText.Of(budget, "updatedAt")),
        ]);
        if (budget?["spendByModel"] is not JsonObject byModel || byModel.Count == 0) return fields;
        return TableLayout.Sections((null, fields), ("Spend by model", TableLayout.Rows(
            ["MODEL", "SPEND"], byModel.Select(p => new[] { p.Key, $"{JsonText.Show(p.Value)} {currency}" }))));
    }
}
