namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>The real git command line, isolated from the machine's and the user's configuration.</summary>
public static class GitCli
{
    private static readonly Dictionary<string, string> Isolated = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
    };

    public static Task<ProcessResult> RunAsync(string directory, params string[] arguments) =>
        ProcessRunner.RunAsync("git", arguments, directory, Isolated);

    /// <summary>Runs git and returns stdout; fails the test on a non-zero exit.</summary>
    public static async Task<string> OutputAsync(string directory, params string[] arguments)
    {
        var result = await RunAsync(directory, arguments);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {result}");
        return result.Stdout;
    }

    /// <summary>The non-empty lines of a git command's output.</summary>
    public static async Task<string[]> LinesAsync(string directory, params string[] arguments) =>
        (await OutputAsync(directory, arguments)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
