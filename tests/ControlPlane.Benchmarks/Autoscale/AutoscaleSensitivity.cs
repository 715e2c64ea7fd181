using System.Globalization;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// Replays every trace under the chosen predictive setting and under neighbours that each change one parameter,
/// and prints controlplane/hpa GPU-hours and violation minutes, so a reader sees whether a result is a knife-edge.
/// </summary>
public static class AutoscaleSensitivity
{
    public const string Usage = "autoscale-sensitivity [--traces DIR]";

    /// <summary>The chosen setting first, then one change at a time on either side of it.</summary>
    public static IReadOnlyList<(string Change, AutoscaleSettings Settings)> Neighbours(AutoscaleSettings chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        return
        [
            ("chosen", chosen),
            ("headroom z 1.0", chosen with { HeadroomZ = 1.0 }),
            ("headroom z 1.64", chosen with { HeadroomZ = 1.64 }),
            ("target 90%", chosen with { ControlPlaneTargetUtilization = 90 }),
            ("scale-down window 120 s", chosen with { ControlPlaneStabilizationSeconds = 120 }),
            ("scale-down window 240 s", chosen with { ControlPlaneStabilizationSeconds = 240 }),
            ("α 0.2", chosen with { Alpha = 0.2 }),
            ("α 0.4", chosen with { Alpha = 0.4 }),
            ("error window 60", chosen with { ErrorWindow = 60 }),
            ("no scale-down guard (0 errors)", chosen with { MinMeasuredErrorsToScaleDown = 0 }),
            ("scale-down guard 5 errors", chosen with { MinMeasuredErrorsToScaleDown = 5 }),
        ];
    }

    /// <summary>One row per neighbour: the change, each trace's report, and on how many traces the issue's target was met.</summary>
    public static IReadOnlyList<(string Change, IReadOnlyList<AutoscaleReport> Reports, int Met)> Table(IReadOnlyList<DemandTrace> traces, AutoscaleSettings chosen)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return Neighbours(chosen)
            .Select(n =>
            {
                var reports = traces.Select(t => AutoscaleDriver.Replay(t, n.Settings, 3.0)).ToList();
                return (n.Change, (IReadOnlyList<AutoscaleReport>)reports, reports.Count(MeetsTarget));
            })
            .ToList();
    }

    /// <summary>Issue 6: at least 15% fewer GPU-hours than HPA with no more SLO-violation minutes.</summary>
    public static bool MeetsTarget(AutoscaleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (hpa, controlPlane) = (report["hpa"], report["controlplane"]);
        return controlPlane.GpuHours <= 0.85 * hpa.GpuHours && controlPlane.SloViolationMinutes <= hpa.SloViolationMinutes + 1e-9;
    }

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var directory = args is ["--traces", var dir] ? dir
            : args.Length == 0 ? TraceDirectory.Locate() ?? ""
            : throw new ArgumentException($"usage: {Usage}");
        if (!Directory.Exists(directory)) throw new ArgumentException($"trace directory '{directory}' not found; usage: {Usage}");
        var traces = AutoscaleOptions.TraceNames.Select(name => new AutoscaleOptions(directory, name).Load()).ToList();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"| change | {string.Join(" | ", traces.Select(t => t.Name))} | met |");
        Console.WriteLine($"|---|{string.Concat(traces.Select(_ => "---|"))}---|");
        foreach (var (change, reports, met) in Table(traces, new AutoscaleSettings()))
        {
            var cells = reports.Select(r => string.Create(inv,
                $"{r["controlplane"].GpuHours / r["hpa"].GpuHours:0.000}, {r["controlplane"].SloViolationMinutes:0.#} vs {r["hpa"].SloViolationMinutes:0.#}"));
            Console.WriteLine($"| {change} | {string.Join(" | ", cells)} | {met} |");
        }
        return 0;
    }
}
