using System.Diagnostics;

namespace ControlPlane.Benchmarks;

/// <summary>The real git command line, isolated from the machine's and user's configuration, with automatic gc off.</summary>
public static class GitProcess
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_AUTHOR_NAME"] = "bench",
        ["GIT_AUTHOR_EMAIL"] = "bench@localhost",
        ["GIT_COMMITTER_NAME"] = "bench",
        ["GIT_COMMITTER_EMAIL"] = "bench@localhost",
        // A gc --auto in the middle of the timed commits would measure packing, not committing.
        ["GIT_CONFIG_COUNT"] = "1",
        ["GIT_CONFIG_KEY_0"] = "gc.auto",
        ["GIT_CONFIG_VALUE_0"] = "0",
        ["LC_ALL"] = "C",
    };

    /// <summary>Runs <c>git args</c> in the directory; a non-zero exit throws with git's stderr.</summary>
    public static void Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start git");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', args)} exited {process.ExitCode}: {stderr.GetAwaiter().GetResult()}{stdout.GetAwaiter().GetResult()}");
    }
}
