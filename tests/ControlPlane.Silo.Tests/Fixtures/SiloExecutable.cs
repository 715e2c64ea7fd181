using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>
/// The silo's own build output run as a user runs it, <c>dotnet ControlPlane.Silo.dll</c>, in a working directory of
/// the test's choosing; standard output and error are kept line by line, in the order they arrive.
/// </summary>
public sealed class SiloExecutable : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private SiloExecutable(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line written so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    /// <summary>The silo's build output, not the copy in the test's: that folder holds the silo's own appsettings.json and runtime config.</summary>
    public static string Assembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var assembly = Path.Combine(repository, "silo", "ControlPlane.Silo", "bin", configuration, framework, "ControlPlane.Silo.dll");
        Assert.True(File.Exists(assembly), $"the silo is not built at {assembly}");
        return assembly;
    }

    /// <summary>Runs the silo until it exits by itself (a configuration error): its exit code and output.</summary>
    public static Task<ProcessResult> RunUntilExitAsync(IEnumerable<string> arguments, string workingDirectory) =>
        ProcessRunner.RunAsync("dotnet", [Assembly(), .. arguments], workingDirectory, timeout: TimeSpan.FromSeconds(90));

    public static SiloExecutable Start(IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Assembly(), .. arguments]) start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        var silo = new SiloExecutable(process);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException("could not start the silo");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>SIGTERM, as Ctrl-C or an orchestrator stops it; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        (await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])).EnsureSuccess();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the silo did not stop within {timeout.TotalSeconds:0} s of SIGTERM; its output:\n{Output}");
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null) _lines.Enqueue(line);
    }
}
