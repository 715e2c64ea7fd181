using System.CommandLine;
using ControlPlane.Cli.Commands;
using ControlPlane.Cli.Gateway;

namespace ControlPlane.Cli;

/// <summary>The entry point of cpctl; <see cref="RunAsync"/> runs it in-process with the caller's writers and environment.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, CliEnvironment.FromProcess());

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var parse = CpctlCommand.Create(environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors are one line too, and exit 2 (System.CommandLine's own would be 1, which means a policy denial here).
            var first = parse.Errors[0].Message;
            environment.Error.WriteLine(FailureLine.Format($"{first} (see '{CommandPath(parse.CommandResult)} --help')", ApiKeysIn(args)));
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Output, Error = environment.Error }, cancellationToken);
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, c.Parent is null ? "cpctl" : c.Command.Name);
        return string.Join(' ', names);
    }

    private static IEnumerable<string?> ApiKeysIn(string[] args) =>
        args.Zip(args.Skip(1)).Where(p => p.First == "--api-key").Select(p => p.Second)
            .Concat(args.Where(a => a.StartsWith("--api-key=", StringComparison.Ordinal)).Select(a => a["--api-key=".Length..]));
}
