using System.CommandLine;
using ControlPlane.Cli.Gateway;

namespace ControlPlane.Cli.Commands;

/// <summary>Runs a command's body and turns whatever stops it into one line on standard error and an exit code.</summary>
public static class CommandAction
{
    public static void Set(Command command, GlobalOptions options, CliEnvironment environment, Func<CommandInvocation, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var invocation = new CommandInvocation(parse, options, environment);
            try
            {
                return await body(invocation, cancellationToken);
            }
            catch (CommandFailedException failure)
            {
                environment.Error.WriteLine(FailureLine.Format(failure.Message, Keys(invocation)));
                return failure.ExitCode;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Anything else still gets one line and a code of its own: the parser's default (1, with a stack trace) would read as a policy denial.
                environment.Error.WriteLine(FailureLine.Format($"{e.GetType().Name}: {e.Message}", Keys(invocation)));
                return ExitCodes.Internal;
            }
        });
    }

    public static void Set(Command command, GlobalOptions options, CliEnvironment environment, Func<CommandInvocation, CancellationToken, Task> body) =>
        Set(command, options, environment, async (invocation, cancellationToken) =>
        {
            await body(invocation, cancellationToken);
            return ExitCodes.Ok;
        });

    // Every key the run could have read is masked, even where the failure was in reading the settings themselves.
    private static IEnumerable<string?> Keys(CommandInvocation invocation) =>
    [
        invocation.Parse.GetResult("--api-key")?.Tokens is { Count: > 0 } tokens ? tokens[0].Value : null,
        invocation.Environment.Variable(Settings.ConnectionSettings.ApiKeyVariable),
        invocation.KnownSettings?.ApiKey,
    ];
}
