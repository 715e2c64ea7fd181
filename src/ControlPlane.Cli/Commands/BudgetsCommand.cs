using System.CommandLine;
using ControlPlane.Cli.Gateway;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary><c>cpctl budgets get NAME</c>. The v1 API has no list of budgets, so there is no <c>budgets list</c>.</summary>
public static class BudgetsCommand
{
    public static Command Create(GlobalOptions options, CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "The budget, e.g. team-risk." };
        var get = new Command("get", "A budget's limit, spend, burn rate and projected spend, and the spend by model.") { name };
        CommandAction.Set(get, options, environment, async (run, cancellationToken) =>
            run.Output.Write(await run.Gateway.GetAsync($"api/v1/budgets/{ResourceNames.Label("budget", run.Value(name))}", cancellationToken), BudgetTable.Detail));
        return new Command("budgets", "Budgets and their spend.") { get };
    }
}
