namespace ControlPlane.Cli;

/// <summary>
/// Why a command stopped, as one line for standard error and the exit code scripts see. Thrown where the failure is found
/// and caught once, where the command runs, so every command reports failures the same way.
/// </summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException(int exitCode, string message) : base(message) => ExitCode = exitCode;

    public CommandFailedException() : this(ExitCodes.ServerError, "the command failed.") { }

    public CommandFailedException(string message) : this(ExitCodes.ServerError, message) { }

    public CommandFailedException(string message, Exception innerException) : base(message, innerException) => ExitCode = ExitCodes.ServerError;

    public int ExitCode { get; }
}
