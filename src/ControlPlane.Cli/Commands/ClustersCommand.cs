using System.CommandLine;
using ControlPlane.Cli.Gateway;
using ControlPlane.Cli.Output;

namespace ControlPlane.Cli.Commands;

/// <summary><c>cpctl clusters list|get</c>.</summary>
public static class ClustersCommand
{
    public static Command Create(GlobalOptions options, CliEnvironment environment)
    {
        var list = new Command("list", "Every cluster's GPU pools: capacity, reserved, free.");
        CommandAction.Set(list, options, environment, async (run, cancellationToken) =>
            run.Output.Write(await run.Gateway.GetAsync("api/v1/clusters", cancellationToken), ClusterTable.List));

        var name = new Argument<string>("name") { Description = "The cluster, e.g. prod-eu." };
        var get = new Command("get", "A cluster's GPU pools (capacity, reserved, free, prices) and reservations.") { name };
        CommandAction.Set(get, options, environment, async (run, cancellationToken) =>
            run.Output.Write(await run.Gateway.GetAsync($"api/v1/clusters/{ResourceNames.Label("cluster", run.Value(name))}", cancellationToken), ClusterTable.Detail));
        return new Command("clusters", "Clusters and their GPU pools.") { list, get };
    }
}
