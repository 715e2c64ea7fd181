using System.CommandLine;
using System.Text.Json.Nodes;
using ControlPlane.Cli.Gateway;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary><c>cpctl models list|get|decisions|rollback</c>.</summary>
public static class ModelsCommand
{
    public static Command Create(GlobalOptions options, CliEnvironment environment)
    {
        var models = new Command("models", "Registered models: list, live state, decision log, rollback.");
        models.Subcommands.Add(List(options, environment));
        models.Subcommands.Add(Get(options, environment));
        models.Subcommands.Add(Decisions(options, environment));
        models.Subcommands.Add(Rollback(options, environment));
        return models;
    }

    private static Argument<string> ModelArgument() => new("model") { Description = "NAMESPACE/NAME, e.g. risk/fraud-mm." };

    private static Command List(GlobalOptions options, CliEnvironment environment)
    {
        var list = new Command("list", "Every model: version, replicas, phase.");
        CommandAction.Set(list, options, environment, async (run, cancellationToken) =>
            run.Output.Write(await run.Gateway.GetAsync("api/v1/models", cancellationToken), ModelTables.List));
        return list;
    }

    private static Command Get(GlobalOptions options, CliEnvironment environment)
    {
        var model = ModelArgument();
        var get = new Command("get", "One model's live state: spec, replicas, phase, observed utilization, last commit.") { model };
        CommandAction.Set(get, options, environment, async (run, cancellationToken) =>
            run.Output.Write(await run.Gateway.GetAsync(ResourceNames.ModelPath(run.Value(model)), cancellationToken), ModelTables.Detail));
        return get;
    }

    private static Command Decisions(GlobalOptions options, CliEnvironment environment)
    {
        var model = ModelArgument();
        var limit = DecisionsCommand.LimitOption();
        var decisions = new Command("decisions", "A model's decision log, newest first.") { model, limit };
        CommandAction.Set(decisions, options, environment, async (run, cancellationToken) =>
        {
            var path = $"{ResourceNames.ModelPath(run.Value(model))}/decisions{DecisionsCommand.LimitQuery(run.Value(limit))}";
            run.Output.Write(await run.Gateway.GetAsync(path, cancellationToken), DecisionTable.List);
        });
        return decisions;
    }

    private static Command Rollback(GlobalOptions options, CliEnvironment environment)
    {
        var model = ModelArgument();
        var reason = new Option<string>("--reason") { Description = "Why (recorded in the decision log and the commit).", Required = true };
        var toVersion = new Option<string?>("--to-version") { Description = "An earlier release to return to (default: the last stable version)." };
        var rollback = new Command("rollback", "Roll a model back, from a rollout to its stable version or to an earlier release.") { model, reason, toVersion };
        CommandAction.Set(rollback, options, environment, async (run, cancellationToken) =>
        {
            var path = $"{ResourceNames.ModelPath(run.Value(model))}/rollback";
            var body = new JsonObject { ["reason"] = run.Value(reason) };
            if (run.Parse.GetValue(toVersion) is { } version) body["toVersion"] = version;
            run.Output.Write(await run.Gateway.PostAsync(path, body, cancellationToken), ModelTables.Detail);
        });
        return rollback;
    }
}
