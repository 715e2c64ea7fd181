using System.Globalization;
using System.Net;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

[Collection(SharedGateway.Name)]
public sealed class BudgetsApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task PutBudget_ValidSpec_Returns200WithFullRemaining()
    {
        var name = Gateway.UniqueName("b");

        using var response = await _client.PutAsync($"/api/v1/budgets/{name}", Bodies.Budget(limit: 500));

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal(name, (string?)view["name"]);
        Assert.Equal(500, (double?)view["spec"]!["limit"]);
        Assert.Equal(0, (double?)view["spend"]);
        Assert.Equal(500, (double?)view["remaining"]);
    }

    [Fact]
    public async Task GetBudget_AfterPut_ReturnsStoredSpec()
    {
        var name = await _client.PutBudgetAsync(Bodies.Budget(limit: 1234, period: "weekly"));

        var view = await _client.GetJsonAsync($"/api/v1/budgets/{name}");

        Assert.Equal(1234, (double?)view["spec"]!["limit"]);
        Assert.Equal("weekly", (string?)view["spec"]!["period"]);
        Assert.Equal("USD", (string?)view["spec"]!["currency"]);
    }

    [Fact]
    public async Task PutBudget_OnlyLimit_DefaultsToMonthlyUsd()
    {
        var name = Gateway.UniqueName("b");

        using var response = await _client.PutAsync($"/api/v1/budgets/{name}", new System.Text.Json.Nodes.JsonObject { ["limit"] = 10 });

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal("monthly", (string?)view["spec"]!["period"]);
        Assert.Equal("USD", (string?)view["spec"]!["currency"]);
    }

    [Fact]
    public async Task GetBudget_ModelScaled_ShowsSpendAccruedByTheModel()
    {
        var model = await _client.RegisterModelAsync();
        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98));
        await _client.CommittedDecisionAsync(model, "scale");

        var view = await _client.GetJsonAsync($"/api/v1/budgets/{model.Budget}");

        Assert.True((double?)view["spend"] > 0, $"no spend accrued: {view}");
        Assert.True((double?)view["spendByModel"]![model.Id] > 0, $"no spend recorded for {model.Id}: {view}");
        Assert.Equal((double?)view["spec"]!["limit"] - (double?)view["spend"], (double?)view["remaining"]);
    }

    [Fact]
    public async Task GetBudget_WithThresholds_ShowsForecastAndEachThreshold()
    {
        var body = Bodies.Budget(limit: 800);
        body["thresholds"] = new System.Text.Json.Nodes.JsonArray(25, 75);
        var name = await _client.PutBudgetAsync(body);

        var view = await _client.GetJsonAsync($"/api/v1/budgets/{name}");

        var forecast = view["forecast"]!;
        Assert.Equal(0, (double?)forecast["spendToDate"]);
        Assert.Equal(0, (double?)forecast["burnRatePerHour"]);
        Assert.Equal(0, (double?)forecast["forecastAtPeriodEnd"]);
        Assert.Equal("no-history", (string?)forecast["method"]);
        Assert.True(forecast.AsObject().ContainsKey("interval80") && forecast.AsObject().ContainsKey("interval95"), $"no interval fields: {forecast}");
        var thresholds = forecast["thresholds"]!.AsArray();
        Assert.Equal([25.0, 75.0], thresholds.Select(t => (double)t!["percent"]!));
        Assert.Equal([200.0, 600.0], thresholds.Select(t => (double)t!["amount"]!));
        Assert.All(thresholds, t => Assert.False((bool)t!["crossedBySpend"]! || (bool)t!["crossedByForecast"]!));
        Assert.Empty(view["anomalies"]!.AsArray());
        Assert.Equal([25.0, 75.0], view["spec"]!["thresholds"]!.AsArray().Select(t => (double)t!));
    }

    [Fact]
    public async Task GetBudget_ModelScaled_ForecastShowsSpendBurnRateAndDefaultThresholds()
    {
        var model = await _client.RegisterModelAsync();
        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98));
        await _client.CommittedDecisionAsync(model, "scale");

        var forecast = (await _client.GetJsonAsync($"/api/v1/budgets/{model.Budget}"))["forecast"]!;

        Assert.True((double?)forecast["spendToDate"] > 0, $"no spend in the forecast: {forecast}");
        Assert.True((double?)forecast["burnRatePerHour"] > 0, $"no burn rate: {forecast}");
        Assert.True((double?)forecast["forecastAtPeriodEnd"] >= (double?)forecast["spendToDate"]);
        Assert.Equal([50.0, 80.0, 100.0], forecast["thresholds"]!.AsArray().Select(t => (double)t!["percent"]!));
    }

    [Fact]
    public async Task GetBudget_ModelScaled_NamesTheReservedRateApartFromTheBurnRateAndBothAddUp()
    {
        var model = await _client.RegisterModelAsync();
        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98));
        await _client.CommittedDecisionAsync(model, "scale");

        var view = await _client.GetJsonAsync($"/api/v1/budgets/{model.Budget}");

        // Relations, not amounts: the hours left depend on today's date.
        var (spend, reserved, forecast) = ((double)view["spend"]!, view["reserved"]!, view["forecast"]!);
        var hours = (DateTimeOffset.Parse((string)view["periodEnd"]!, CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse((string)view["asOf"]!, CultureInfo.InvariantCulture)).TotalHours;
        Assert.True((double)reserved["rateByModel"]![model.Id]! > 0, $"no rate held for {model.Id}: {reserved}");
        Assert.Equal(hours, (double)reserved["hoursRemaining"]!, 6);
        Assert.Equal(spend + (double)reserved["ratePerHour"]! * hours, (double)reserved["projectedAtPeriodEnd"]!, 6);
        Assert.Equal((double)reserved["ratePerHour"]!, (double)view["burnRatePerHour"]!);
        Assert.Equal((double)reserved["projectedAtPeriodEnd"]!, (double)view["projectedSpend"]!);
        Assert.Equal(spend, (double)forecast["spendToDate"]!);
        Assert.Equal(spend + (double)forecast["forecastRatePerHour"]! * hours, (double)forecast["forecastAtPeriodEnd"]!, 6);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[0]")]
    [InlineData("[50, 1001]")]
    [InlineData("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]")]
    public async Task PutBudget_BadThresholds_Returns400NamingThresholds(string thresholds)
    {
        var body = Bodies.Budget();
        body["thresholds"] = System.Text.Json.Nodes.JsonNode.Parse(thresholds);

        using var response = await _client.PutAsync($"/api/v1/budgets/{Gateway.UniqueName("b")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "thresholds");
    }

    [Fact]
    public async Task PutBudget_NewLimitInTheSamePeriod_KeepsAccruedSpend()
    {
        var model = await _client.RegisterModelAsync();
        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98));
        await _client.CommittedDecisionAsync(model, "scale");
        var spent = (double?)(await _client.GetJsonAsync($"/api/v1/budgets/{model.Budget}"))["spend"];

        using var response = await _client.PutAsync($"/api/v1/budgets/{model.Budget}", Bodies.Budget(limit: 20_000));

        var view = await Gateway.OkJson(response, HttpStatusCode.OK);
        Assert.Equal(spent, (double?)view["spend"]);
        Assert.Equal(20_000, (double?)view["spec"]!["limit"]);
    }

    [Fact]
    public async Task GetBudget_NotRegistered_Returns404NamingIt()
    {
        var name = Gateway.UniqueName("b");

        using var response = await _client.GetAsync($"/api/v1/budgets/{name}");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, $"'{name}'");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task PutBudget_LimitNotPositive_Returns400NamingLimit(double limit)
    {
        using var response = await _client.PutAsync($"/api/v1/budgets/{Gateway.UniqueName("b")}", Bodies.Budget(limit: limit));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task PutBudget_UnknownPeriod_Returns400NamingPeriod()
    {
        using var response = await _client.PutAsync($"/api/v1/budgets/{Gateway.UniqueName("b")}", Bodies.Budget(period: "hourly"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "period");
    }

    [Fact]
    public async Task PutBudget_CurrencyEndingInNewline_Returns400NamingCurrency()
    {
        var body = Bodies.Budget();
        body["currency"] = "USD\n";

        using var response = await _client.PutAsync($"/api/v1/budgets/{Gateway.UniqueName("b")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "currency");
    }

    [Fact]
    public async Task PutBudget_MissingLimit_Returns400NamingLimit()
    {
        var body = Bodies.Budget();
        body.Remove("limit");

        using var response = await _client.PutAsync($"/api/v1/budgets/{Gateway.UniqueName("b")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task PutBudget_LimitAsString_Returns400NamingLimit()
    {
        var body = Bodies.Budget();
        body["limit"] = "100";

        using var response = await _client.PutAsync($"/api/v1/budgets/{Gateway.UniqueName("b")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task PutBudget_UnknownField_Returns400NamingIt()
    {
        var body = Bodies.Budget();
        body["owner"] = "team-risk";

        using var response = await _client.PutAsync($"/api/v1/budgets/{Gateway.UniqueName("b")}", body);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "owner");
    }

    [Fact]
    public async Task PutBudget_MalformedJson_Returns400()
    {
        using var response = await _client.PutAsync(Gateway.Url($"/api/v1/budgets/{Gateway.UniqueName("b")}"), Gateway.Json("{\"limit\": 10,"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "invalid JSON");
    }
}
