using System.CommandLine;
using System.Globalization;
using ControlPlane.Cli.Gateway;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary><c>cpctl decisions list|tail</c>: the decisions across the plane, or one model's.</summary>
public static class DecisionsCommand
{
    public const int MaxLimit = 1000;

    public static Command Create(GlobalOptions options, CliEnvironment environment)
    {
        var decisions = new Command("decisions", "Recent decisions across the plane.");
        decisions.Subcommands.Add(List(options, environment));
        decisions.Subcommands.Add(Tail(options, environment));
        return decisions;
    }

    /// <summary><c>--limit N</c>, 1 to 1000 as the gateway accepts.</summary>
    public static Option<int?> LimitOption()
    {
        var limit = new Option<int?>("--limit", "-n") { Description = $"How many decisions (1-{MaxLimit}; the server's default is 100)." };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > MaxLimit) result.AddError($"--limit must be between 1 and {MaxLimit}.");
        });
        return limit;
    }

    public static string LimitQuery(int? limit) => limit is { } n ? $"?limit={n.ToString(CultureInfo.InvariantCulture)}" : "";

    private static Option<string?> ModelOption() => new("--model", "-m") { Description = "Only this model's decisions (NAMESPACE/NAME)." };

    /// <summary>The path of the feed, for one model when <paramref name="model"/> is given.</summary>
    public static string FeedPath(string? model, int limit)
    {
        var query = $"limit={limit.ToString(CultureInfo.InvariantCulture)}";
        if (model is not null)
        {
            ResourceNames.ModelPath(model);
            query += $"&model={Uri.EscapeDataString(model)}";
        }
        return $"api/v1/decisions?{query}";
    }

    private static Command List(GlobalOptions options, CliEnvironment environment)
    {
        var model = ModelOption();
        var limit = LimitOption();
        var list = new Command("list", "Recent decisions, newest first.") { model, limit };
        CommandAction.Set(list, options, environment, async (run, cancellationToken) =>
        {
            var path = FeedPath(run.Parse.GetValue(model), run.Parse.GetValue(limit) ?? 100);
            run.Output.Write(await run.Gateway.GetAsync(path, cancellationToken), DecisionTable.List);
        });
        return list;
    }

    private static Command Tail(GlobalOptions options, CliEnvironment environment)
    {
        var model = ModelOption();
        var interval = new Option<TimeSpan>("--interval") { Description = "How often to poll (default 2s).", CustomParser = Durations.Parse, DefaultValueFactory = _ => TimeSpan.FromSeconds(2) };
        var backlog = new Option<int>("--backlog") { Description = "How many recent decisions to print first (default 10; 0: only new ones).", DefaultValueFactory = _ => 10 };
        var count = new Option<int?>("--count") { Description = "Stop after printing this many decisions." };
        var timeout = new Option<TimeSpan?>("--timeout") { Description = "Stop after this long (e.g. 30s).", CustomParser = r => Durations.Parse(r) };
        backlog.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > DecisionTail.Window) r.AddError($"--backlog must be between 0 and {DecisionTail.Window}."); });
        count.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--count must be at least 1."); });
        var tail = new Command("tail", "Print decisions as they are made, until Ctrl-C (or --count, --timeout).") { model, interval, backlog, count, timeout };
        CommandAction.Set(tail, options, environment, (run, cancellationToken) =>
            new DecisionTail(run, run.Parse.GetValue(model), run.Value(interval), run.Value(backlog), run.Parse.GetValue(count))
                .RunAsync(run.Parse.GetValue(timeout), cancellationToken));
        return tail;
    }
}
