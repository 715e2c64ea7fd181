namespace ControlPlane.Cli;

/// <summary>
/// What cpctl reads from its surroundings: where it writes, environment variables and the home directory. Tests pass
/// their own so that runs neither read nor change the process environment.
/// </summary>
public sealed record CliEnvironment(TextWriter Output, TextWriter Error, Func<string, string?> Variable, string HomeDirectory)
{
    /// <summary>Whether <see cref="Output"/> is a terminal a person reads (tables then fit its width).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>The process's console, environment and home directory.</summary>
    public static CliEnvironment FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile))
        {
            OutputIsTerminal = !Console.IsOutputRedirected,
        };
}
