using System.Diagnostics;

namespace ControlPlane.Grains.Tests;

/// <summary>Reads the bare repository the writer commits to, with the real git CLI.</summary>
internal static class GitRepository
{
    public static string Run(string repository, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--git-dir");
        start.ArgumentList.Add(repository);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
        return output;
    }

    /// <summary>The value of one trailer for every commit touching <paramref name="model"/>, newest first.</summary>
    public static IReadOnlyList<string> Trailers(string repository, string key, string model) =>
        Run(repository, "log", "--format=%(trailers:key=Model,valueonly,separator=)|%(trailers:key=" + key + ",valueonly,separator=)")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .Where(parts => parts[0].Trim() == model)
            .Select(parts => parts[1].Trim())
            .ToList();
}
