using System.Text.Json.Nodes;
using ControlPlane.Cli.Tests.Fixtures;

namespace ControlPlane.Cli.Tests.Commands;

/// <summary><c>cpctl decisions list|tail</c>: the feed across the plane, and following it as decisions are made.</summary>
[Collection(SharedPlane.Name)]
public sealed class DecisionsCommandTests(CliPlane plane)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly Cpctl _cpctl = Cpctl.Against(plane);

    [Fact]
    public async Task List_ForOneModel_Json_HoldsOnlyThatModel()
    {
        var run = await _cpctl.RunAsync("decisions", "list", "--model", CliPlane.Model, "-o", "json");

        run.AssertOk();
        var decisions = run.Json().AsArray();
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.Equal(CliPlane.Model, (string?)d?["model"]));
    }

    [Fact]
    public async Task Tail_Backlog_PrintsTheNewestAndStopsAtCount()
    {
        var run = await _cpctl.RunAsync("decisions", "tail", "--model", CliPlane.Model, "--backlog", "1", "--count", "1");

        run.AssertOk();
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(CliPlane.Model, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_NewDecision_IsPrintedAsItAppears()
    {
        const string model = "risk/tail-cli";
        await plane.PutAsync($"/api/v1/models/{model}", Bodies.Model("1.4.2"));
        var output = new CapturedText();
        using var stop = new CancellationTokenSource(Deadline);

        var tail = _cpctl.RunAsync(output, stop.Token, "decisions", "tail", "--model", model, "--backlog", "1", "--count", "2", "--interval", "50ms", "-o", "json");
        await Eventually.Until(() => output.ToString().Contains("\"register\"", StringComparison.Ordinal), Deadline, "the backlog (the registration) printed");
        await plane.PostAsync("/api/v1/signals/gpu", Bodies.GpuSample(model, 97));
        var run = await tail;

        run.AssertOk();
        var kinds = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string?)JsonNode.Parse(l)?["kind"]).ToList();
        Assert.Equal(["register", "scale"], kinds);
    }

    [Fact]
    public async Task Tail_Timeout_EndsWithExit0()
    {
        var run = await _cpctl.RunAsync("decisions", "tail", "--backlog", "0", "--interval", "50ms", "--timeout", "300ms");

        run.AssertOk();
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Tail_Yaml_PrintsOneDocumentPerDecision()
    {
        var run = await _cpctl.RunAsync("decisions", "tail", "--model", CliPlane.Model, "--backlog", "1", "--count", "1", "-o", "yaml");

        run.AssertOk();
        Assert.StartsWith("---", run.Output, StringComparison.Ordinal);
        var decision = Assert.IsType<Dictionary<object, object>>(run.Yaml());
        Assert.Equal(CliPlane.Model, decision["model"]);
    }

    [Fact]
    public async Task Tail_BadInterval_Exits2()
    {
        var run = await _cpctl.RunAsync("decisions", "tail", "--interval", "soon");

        run.AssertFailed(ExitCodes.Usage, "'soon' is not a duration");
    }
}
