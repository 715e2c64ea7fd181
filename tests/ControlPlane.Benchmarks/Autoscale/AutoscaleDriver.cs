using System.Globalization;
using ControlPlane.Core.Scaling;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// Replays one public trace through static peak provisioning, the HPA-equivalent reactive autoscaler and
/// ControlPlane's predictive mode, and prints GPU-hours, cost, SLO-violation minutes and scaling actions.
/// </summary>
public static class AutoscaleDriver
{
    // Simulated time only names the steps; nothing depends on the wall clock.
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(AutoscaleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new AutoscaleSettings();
        var trace = options.Load();
        var report = Replay(trace, settings, options.PricePerGpuHour);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"trace {trace.Name}: {trace.Demand.Count} steps of {trace.StepSeconds:0} s ({trace.Hours:0.00} h), peak {trace.Peak:0.##} {trace.Unit}, mean {trace.Demand.Average():0.##} {trace.Unit}"));
        Console.WriteLine($"capacity: {trace.CapacityNote}");
        Console.WriteLine(string.Create(inv, $"start-up delay {settings.StartupSeconds} s = {settings.StartupSteps(trace)} steps; price {options.PricePerGpuHour:0.00} per GPU-hour; HPA target {settings.HpaTargetUtilization}%, tolerance {ScalingPolicy.Tolerance:P0}, stabilization {settings.StabilizationSeconds} s"));
        var forecaster = settings.Forecaster(trace);
        Console.WriteLine(string.Create(inv, $"controlplane: target {settings.ControlPlaneTargetUtilization}%, stabilization {settings.ControlPlaneStabilizationSeconds} s, headroom z {settings.HeadroomZ}, lead {settings.Predictive(trace).LeadSteps} steps, Holt-Winters α {forecaster.Alpha} β {forecaster.Beta} γ {forecaster.Gamma} φ {forecaster.Phi} season {forecaster.SeasonLength}"));
        Console.WriteLine(string.Create(inv, $"forecast one-step MAPE {report.Forecast.Mape:P1} (naive last value {report.Forecast.NaiveMape:P1}), RMSE {report.Forecast.Rmse:0.###} (naive {report.Forecast.NaiveRmse:0.###}) {trace.Unit}"));
        Console.WriteLine("| policy | GPU-hours | cost | SLO-violation min | actions | peak replicas |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var p in report.Policies)
            Console.WriteLine(string.Create(inv, $"| {p.Policy} | {p.GpuHours:0.00} | {p.Cost(options.PricePerGpuHour):0.00} | {p.SloViolationMinutes:0.0} | {p.Actions} | {p.PeakReplicas} |"));
        var (hpa, controlPlane) = (report["hpa"], report["controlplane"]);
        Console.WriteLine(string.Create(inv, $"controlplane/hpa: GPU-hours {controlPlane.GpuHours / hpa.GpuHours:0.000}, SLO-violation minutes {controlPlane.SloViolationMinutes:0.0} vs {hpa.SloViolationMinutes:0.0}"));
        Console.WriteLine(report.ToJson());
        return 0;
    }

    public static AutoscaleReport Replay(DemandTrace trace, AutoscaleSettings settings, double pricePerGpuHour)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(settings);
        var startup = settings.StartupSteps(trace);
        // Both autoscalers start as provisioned for the first step's demand at HPA's target.
        var initial = StaticAutoscaler.ForPeak(trace with { Demand = trace.Demand.Take(1).ToList() }, settings.HpaTargetUtilization).InitialReplicas;
        var predictive = new PredictiveAutoscaler(
            settings.ControlPlaneSpec(trace.CapacityPerReplica), settings.Forecaster(trace), settings.Predictive(trace), initial);
        var results = new[]
        {
            ReplayEngine.Replay(trace, StaticAutoscaler.ForPeak(trace, settings.HpaTargetUtilization), startup, Start),
            ReplayEngine.Replay(trace, new HpaAutoscaler(settings.HpaSpec(trace.CapacityPerReplica), initial), startup, Start),
            ReplayEngine.Replay(trace, predictive, startup, Start),
        };
        return new AutoscaleReport(trace, results, predictive.Score, pricePerGpuHour);
    }
}
