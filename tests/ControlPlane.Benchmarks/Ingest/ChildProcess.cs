using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ControlPlane.Benchmarks.Ingest;

/// <summary>
/// A long-running process the benchmark owns: its last lines are kept for error messages, and it is killed on dispose,
/// when the benchmark process exits, or on Ctrl+C — a failed run must not leave silos or Redis behind.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 100;
    private static readonly ConcurrentDictionary<ChildProcess, byte> Alive = new();
    private static int _hooked;
    private static readonly List<PosixSignalRegistration> Signals = [];
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote.</summary>
    public string Output => string.Join('\n', _output);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        HookExit();
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"could not start {fileName}");
        Alive[child] = 0;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public void Dispose()
    {
        Alive.TryRemove(this, out _);
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already reaped
        }
        _process.Dispose();
    }

    /// <summary>Kills every child still alive when the benchmark ends, normally, by an unhandled exception or by Ctrl+C.</summary>
    private static void HookExit()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
        // SIGINT, SIGTERM, SIGHUP: kill the children first, then let the default handling end the process.
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            Signals.Add(PosixSignalRegistration.Create(signal, _ => KillAll()));
    }

    private static void KillAll()
    {
        foreach (var child in Alive.Keys) child.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptLines) _output.TryDequeue(out _);
    }
}
