namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>Finds Debian's <c>prometheus</c> and <c>promtool</c>; a missing tool fails the test, it never skips it.</summary>
public static class PrometheusTools
{
    public static string Prometheus => Require("prometheus");

    public static string Promtool => Require("promtool");

    /// <summary>The repository checkout the tests run from (where <c>deploy/</c> lives).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ControlPlane.sln not found above the test binaries.");
    }

    /// <summary>Runs <c>promtool</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, <paramref name="input"/> on its standard input.</summary>
    public static Task<ProcessResult> PromtoolAsync(string? workingDirectory, string? input, params string[] arguments) =>
        ProcessRunner.RunAsync(Promtool, arguments, workingDirectory, standardInput: input);

    private static string Require(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        Assert.True(found is not null,
            $"'{tool}' is not on the PATH. These tests run a real Prometheus: install Debian's package with `apt-get install -y prometheus` (.ci/run does).");
        return found!;
    }
}
