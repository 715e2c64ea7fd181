using System.CommandLine;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary><c>cpctl gitops status</c>.</summary>
public static class GitOpsCommand
{
    public static Command Create(GlobalOptions options, CliEnvironment environment)
    {
        var status = new Command("status", "The repository the plane writes: head commit, pending changes, pushes.");
        CommandAction.Set(status, options, environment, async (run, cancellationToken) =>
            run.Output.Write(await run.Gateway.GetAsync("api/v1/gitops", cancellationToken), GitOpsTable.Detail));
        return new Command("gitops", "The Git repository Flux or Argo CD pulls.") { status };
    }
}
