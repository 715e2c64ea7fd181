using System.CommandLine;
using ControlPlane.Cli.Gateway;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary><c>cpctl budgets list|get</c>.</summary>
public static class BudgetsCommand
{
    public static Command Create(GlobalOptions options, CliEnvironment environment)
    {
        var list = new Command("list", "Every budget: limit, period, spend and the forecast at the period's end.");
        CommandAction.Set(list, options, environment, async (run, cancellationToken) =>
            run.Output.Write(await run.Gateway.GetAsync("api/v1/budgets", cancellationToken), BudgetTable.List));

        var name = new Argument<string>("name") { Description = "The budget, e.g. team-risk." };
        var get = new Command("get", "A budget's limit, spend, burn rate and projected spend, and the spend by model.") { name };
        CommandAction.Set(get, options, environment, async (run, cancellationToken) =>
            run.Output.Write(await run.Gateway.GetAsync($"api/v1/budgets/{ResourceNames.Label("budget", run.Value(name))}", cancellationToken), BudgetTable.Detail));
        return new Command("budgets", "Budgets and their spend.") { list, get };
    }
}
