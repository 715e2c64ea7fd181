using System.CommandLine;
using System.Text.Json;
using ControlPlane.Cli.Policy;

namespace ControlPlane.Cli.Commands;

/// <summary><c>cpctl policy check DIR</c>: the policy gate run offline on a checkout of the repository, for CI before a merge.</summary>
public static class PolicyCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(GlobalOptions options, CliEnvironment environment)
    {
        var repository = new Argument<string>("dir") { Description = "The repository checkout (default: the current folder).", DefaultValueFactory = _ => "." };
        var policies = new Option<string?>("--policies") { Description = "The policy folder (default DIR/policies)." };
        var manifests = new Option<string[]>("--manifests") { Description = "Manifest files or folders to check (default DIR/clusters); repeatable.", AllowMultipleArgumentsPerToken = true };
        var check = new Command("check", "Evaluate the repository's policies against its manifests offline, with the gate's own code; exit 1 on a denial.")
        {
            repository, policies, manifests,
        };
        CommandAction.Set(check, options, environment, (run, _) =>
        {
            var root = run.Value(repository);
            var paths = run.Parse.GetValue(manifests) is { Length: > 0 } given ? given : [Path.Combine(root, "clusters")];
            var report = PolicyCheck.Run(run.Parse.GetValue(policies) ?? Path.Combine(root, "policies"), paths, root);
            run.Output.Write(JsonSerializer.SerializeToNode(report, Json), PolicyReportText.Lines(report));
            return Task.FromResult(report.Passed ? ExitCodes.Ok : ExitCodes.PolicyDenied);
        });
        return new Command("policy", "Policies as code.") { check };
    }
}
