namespace ControlPlane.GitOps.Tests.Fixtures;

/// <summary>The real git command line, isolated from the machine's and the user's git configuration.</summary>
public static class GitCli
{
    private static readonly Dictionary<string, string> Isolated = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
    };

    /// <summary>Runs <c>git args</c> in the directory and returns stdout; fails the test on a non-zero exit.</summary>
    public static string Run(string directory, params string[] args) => ExternalTool.Run("git", directory, Isolated, args);

    /// <summary>Clones the repository into <paramref name="target"/> and returns the clone's path.</summary>
    public static string Clone(string repository, string target)
    {
        Run(Path.GetDirectoryName(target)!, "clone", "--quiet", repository, target);
        return target;
    }

    public static string[] Lines(string directory, params string[] args) =>
        Run(directory, args).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static int CommitCount(string repository, string branch = "main") =>
        int.Parse(Run(repository, "rev-list", "--count", branch).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
