using System.Globalization;
using ControlPlane.Core.Models;

namespace ControlPlane.Core.Scaling;

/// <summary>
/// HPA semantics: desired = ceil(current × observed / target) per metric (GPU utilization, and load
/// when the spec gives a per-replica capacity), the larger proposal wins, no change within the
/// tolerance, clamped to the replica bounds; scale up at once, scale down only to the highest
/// recommendation of the stabilization window so that oscillating load does not flap replicas.
/// </summary>
public static class ScalingPolicy
{
    public const double Tolerance = 0.1;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ScalingDecision Decide(ScalingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = input.Spec;
        var current = input.CurrentReplicas;
        var span = TimeSpan.FromSeconds(spec.MetricWindowSeconds);
        var history = input.History.Where(r => r.At > input.Now - TimeSpan.FromSeconds(spec.ScaleDownStabilizationSeconds)).ToList();

        if (input.Window.MeanOver(span, input.Now) is not { } utilization)
            return new ScalingDecision(current, current, null, "no GPU samples in the metric window", history);

        var inputs = new Dictionary<string, string>
        {
            ["windowSeconds"] = F(spec.MetricWindowSeconds),
            ["windowSamples"] = F(input.Window.CountOver(span, input.Now)),
            ["observedGpuUtilization"] = F(utilization),
            ["targetGpuUtilization"] = F(spec.TargetGpuUtilization),
            ["tolerance"] = F(Tolerance),
            ["currentReplicas"] = F(current),
        };
        var gpu = Propose(current, utilization, spec.TargetGpuUtilization);
        var basis = string.Format(Inv, "GPU utilization {0:0.#}% vs target {1:0.#}% over {2}s", utilization, spec.TargetGpuUtilization, spec.MetricWindowSeconds);
        var raw = gpu;
        if (spec.RequestsPerSecondPerReplica is { } capacity && input.Window.MeanRequestsPerSecondOver(span, input.Now) is { } rps)
        {
            var load = Propose(current, rps, capacity);
            inputs["observedRequestsPerSecondPerReplica"] = F(rps);
            inputs["requestsPerSecondPerReplica"] = F(capacity);
            inputs["loadProposal"] = F(load);
            basis += string.Format(Inv, ", load {0:0.#} vs {1:0.#} req/s per replica", rps, capacity);
            raw = Math.Max(gpu, load);
        }
        inputs["gpuProposal"] = F(gpu);

        var recommended = Math.Clamp(raw, spec.Replicas.Min, spec.Replicas.Max);
        history.Add(new ScaleRecommendation(input.Now, recommended));
        var desired = recommended >= current ? recommended : Math.Min(current, history.Max(r => r.Replicas));
        inputs["recommendedReplicas"] = F(recommended);
        inputs["desiredReplicas"] = F(desired);

        string reason;
        if (raw == current) reason = basis + string.Format(Inv, ", within the {0:0}% tolerance", Tolerance * 100);
        else if (desired > recommended)
            reason = basis + string.Format(Inv, ", scale-down to {0} held at {1} by the {2}s stabilization window", recommended, desired, spec.ScaleDownStabilizationSeconds);
        else
            reason = basis + (raw != recommended ? string.Format(Inv, ", {0} clamped to [{1}, {2}]", raw, spec.Replicas.Min, spec.Replicas.Max) : "")
                + string.Format(Inv, ", {0} → {1} replicas", current, desired);
        return new ScalingDecision(current, desired, utilization, reason, history) { Inputs = inputs };
    }

    /// <summary>ceil(current × observed / target), or current when the ratio is within the tolerance.</summary>
    public static int Propose(int current, double observed, double target)
    {
        var ratio = observed / target;
        return Math.Abs(ratio - 1) <= Tolerance ? current : (int)Math.Ceiling(current * ratio - 1e-9);
    }

    private static string F(double value) => value.ToString("0.####", Inv);
}
