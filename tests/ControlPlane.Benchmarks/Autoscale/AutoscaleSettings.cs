using ControlPlane.Core.Forecasting;
using ControlPlane.Core.Models;
using ControlPlane.Core.Scaling;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// The policy parameters of a replay, chosen once for all traces: HPA's defaults for the baseline, and the
/// forecaster, headroom and target utilization of ControlPlane's predictive mode. The predictive values are
/// the grid point that met the target on the most traces (see docs/benchmarks.md): 100% target with
/// the headroom made explicit as 1.28 forecast standard errors (90% one-sided), level smoothing 0.3 and no
/// trend (a trend only chased noise at these steps), and a 180 s scale-down window.
/// </summary>
public sealed record AutoscaleSettings(
    double HpaTargetUtilization = 70,
    double ControlPlaneTargetUtilization = 100,
    int StabilizationSeconds = 300,
    int ControlPlaneStabilizationSeconds = 180,
    int StartupSeconds = 120,
    double HeadroomZ = 1.28,
    double Alpha = 0.3,
    double Beta = 0,
    double Gamma = 0.1,
    double Phi = 0.9,
    int ErrorWindow = 120,
    int MaxReplicas = 10_000)
{
    /// <summary>Steps a new replica needs before it serves: the start-up delay rounded up to whole steps.</summary>
    public int StartupSteps(DemandTrace trace) => (int)Math.Ceiling(StartupSeconds / trace.StepSeconds - 1e-9);

    /// <summary>
    /// Daily seasonality needs two days to initialize, and no shipped trace is that long: the season is one
    /// day of steps when the trace holds two, otherwise 1 (damped trend, no seasonal term).
    /// </summary>
    public static int SeasonLength(DemandTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var stepsPerDay = (int)Math.Round(86_400 / trace.StepSeconds);
        return trace.Demand.Count >= 2 * stepsPerDay ? stepsPerDay : 1;
    }

    public HoltWintersParameters Forecaster(DemandTrace trace) => new(Alpha, Beta, Gamma, Phi, SeasonLength(trace), ErrorWindow);

    /// <summary>Enough forecast steps to cover a replica's start-up and the step after it is ready.</summary>
    public PredictiveScalingParameters Predictive(DemandTrace trace) => new(StartupSteps(trace) + 1, HeadroomZ);

    public ModelSpec HpaSpec(double capacityPerReplica) => Spec(HpaTargetUtilization, StabilizationSeconds, capacityPerReplica);

    public ModelSpec ControlPlaneSpec(double capacityPerReplica) =>
        Spec(ControlPlaneTargetUtilization, ControlPlaneStabilizationSeconds, capacityPerReplica);

    private ModelSpec Spec(double targetUtilization, int stabilizationSeconds, double capacityPerReplica) =>
        new("replay:1", "1", "bench", "bench", "nvidia-a100", 1, new ReplicaBounds(1, MaxReplicas), targetUtilization,
            ScaleDownStabilizationSeconds: stabilizationSeconds, MetricWindowSeconds: 30, RequestsPerSecondPerReplica: capacityPerReplica);
}
