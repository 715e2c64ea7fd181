using System.CommandLine;

namespace ControlPlane.Cli.Commands;

/// <summary>The command tree of cpctl, bound to where one run prints and what it reads.</summary>
public static class CpctlCommand
{
    public static RootCommand Create(CliEnvironment environment)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("cpctl: operate a ControlPlane over its REST gateway, and check policies offline.");
        foreach (var option in options.All) root.Options.Add(option);
        root.Subcommands.Add(ModelsCommand.Create(options, environment));
        root.Subcommands.Add(DecisionsCommand.Create(options, environment));
        root.Subcommands.Add(BudgetsCommand.Create(options, environment));
        root.Subcommands.Add(ClustersCommand.Create(options, environment));
        root.Subcommands.Add(RecommendationsCommand.Create(options, environment));
        root.Subcommands.Add(GitOpsCommand.Create(options, environment));
        root.Subcommands.Add(PolicyCommand.Create(options, environment));
        return root;
    }
}
