using System.Globalization;

namespace ControlPlane.Core.Scaling;

/// <summary>
/// HPA semantics: desired = ceil(current × observed / target), no change within the tolerance,
/// clamped to the replica bounds; scale up at once, scale down only to the highest recommendation
/// of the stabilization window so that oscillating load does not flap replicas.
/// </summary>
public static class ScalingPolicy
{
    public const double Tolerance = 0.1;

    public static ScalingDecision Decide(ScalingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = input.Spec;
        var current = input.CurrentReplicas;
        var stabilization = TimeSpan.FromSeconds(spec.ScaleDownStabilizationSeconds);
        var history = input.History.Where(r => r.At > input.Now - stabilization).ToList();

        var observed = input.Window.MeanOver(TimeSpan.FromSeconds(spec.MetricWindowSeconds), input.Now);
        if (observed is not { } utilization)
            return new ScalingDecision(current, current, null, "no GPU samples in the metric window", history);

        var ratio = utilization / spec.TargetGpuUtilization;
        var raw = Math.Abs(ratio - 1) <= Tolerance ? current : (int)Math.Ceiling(current * ratio - 1e-9);
        var recommended = Math.Clamp(raw, spec.Replicas.Min, spec.Replicas.Max);
        history.Add(new ScaleRecommendation(input.Now, recommended));

        var desired = recommended >= current
            ? recommended
            : Math.Min(current, history.Max(r => r.Replicas));
        var reason = Explain(utilization, spec.TargetGpuUtilization, ratio, current, raw, recommended, desired, spec);
        return new ScalingDecision(current, desired, utilization, reason, history);
    }

    private static string Explain(double observed, double target, double ratio, int current, int raw, int recommended, int desired, Models.ModelSpec spec)
    {
        var inv = CultureInfo.InvariantCulture;
        var basis = string.Format(inv, "GPU utilization {0:0.#}% vs target {1:0.#}% over {2}s (ratio {3:0.###})", observed, target, spec.MetricWindowSeconds, ratio);
        if (Math.Abs(ratio - 1) <= Tolerance) return basis + string.Format(inv, ", within the {0:0}% tolerance", Tolerance * 100);
        if (raw != recommended) basis += string.Format(inv, ", {0} clamped to [{1}, {2}]", raw, spec.Replicas.Min, spec.Replicas.Max);
        if (desired > recommended)
            return basis + string.Format(inv, ", scale-down to {0} held at {1} by the {2}s stabilization window", recommended, desired, spec.ScaleDownStabilizationSeconds);
        return basis + string.Format(inv, ", {0} → {1} replicas", current, desired);
    }
}
