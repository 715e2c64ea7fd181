using System.Globalization;

namespace ControlPlane.Core.Scaling;

/// <summary>
/// Scales ahead of load: replicas = ceil(max over the lead time of (forecast + z·σ) / (capacity × target)),
/// never below what the reactive HPA rule proposes from the utilization now (a forecast miss is still
/// covered), clamped to the bounds, and scaled down only to the highest recommendation of the
/// stabilization window, as HPA does, so an oscillating forecast does not flap replicas.
/// </summary>
public static class PredictiveScaling
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static ScalingDecision Decide(PredictiveScalingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Parameters.Problem() is { } problem) throw new ArgumentException(problem, nameof(input));
        var spec = input.Spec;
        var current = input.CurrentReplicas;
        var history = input.History.Where(r => r.At > input.Now - TimeSpan.FromSeconds(spec.ScaleDownStabilizationSeconds)).ToList();
        var inputs = new Dictionary<string, string>
        {
            ["currentReplicas"] = F(current),
            ["targetGpuUtilization"] = F(spec.TargetGpuUtilization),
            ["leadSteps"] = F(input.Parameters.LeadSteps),
            ["headroomZ"] = F(input.Parameters.HeadroomZ),
            ["forecastBasis"] = input.Forecast.Basis.ToString(),
        };

        // Without a utilization reading the reactive rule would keep the replicas, so that is the floor.
        var reactive = input.ObservedUtilization is { } utilization
            ? ScalingPolicy.Propose(current, utilization, spec.TargetGpuUtilization)
            : current;
        inputs["reactiveProposal"] = F(reactive);
        if (input.ObservedUtilization is { } observed) inputs["observedGpuUtilization"] = F(observed);
        var basis = input.ObservedUtilization is { } u
            ? string.Format(Inv, "reactive {0} from {1:0.#}% vs target {2:0.#}%", reactive, u, spec.TargetGpuUtilization)
            : string.Format(Inv, "reactive {0} (no utilization reading)", reactive);

        var raw = reactive;
        if (ForecastReplicas(input, inputs) is { } predicted)
        {
            basis += string.Format(Inv, ", forecast {0} for peak demand {1} over {2} steps",
                predicted, inputs["forecastPeakDemand"], input.Parameters.LeadSteps);
            raw = Math.Max(reactive, predicted);
        }
        else basis += spec.RequestsPerSecondPerReplica is null ? ", no per-replica capacity in the spec" : ", no forecast yet";

        var recommended = Math.Clamp(raw, spec.Replicas.Min, spec.Replicas.Max);
        history.Add(new ScaleRecommendation(input.Now, recommended));
        var desired = recommended >= current ? recommended : Math.Min(current, history.Max(r => r.Replicas));
        inputs["recommendedReplicas"] = F(recommended);
        inputs["desiredReplicas"] = F(desired);

        var reason = basis;
        if (raw != recommended) reason += string.Format(Inv, ", {0} clamped to [{1}, {2}]", raw, spec.Replicas.Min, spec.Replicas.Max);
        if (desired > recommended)
            reason += string.Format(Inv, ", scale-down to {0} held at {1} by the {2}s stabilization window", recommended, desired, spec.ScaleDownStabilizationSeconds);
        else if (desired == current) reason += string.Format(Inv, ", stays at {0} replicas", current);
        else reason += string.Format(Inv, ", {0} → {1} replicas", current, desired);
        return new ScalingDecision(current, desired, input.ObservedUtilization, reason, history) { Inputs = inputs };
    }

    private static int? ForecastReplicas(PredictiveScalingInput input, Dictionary<string, string> inputs)
    {
        if (input.Spec.RequestsPerSecondPerReplica is not { } capacity || capacity <= 0 || input.Forecast.Points.Count == 0) return null;
        var lead = input.Forecast.Points.Take(input.Parameters.LeadSteps).ToList();
        // Demand cannot be negative, whatever a falling trend extrapolates to.
        var peak = Math.Max(0, lead.Max(p => p.Value + input.Parameters.HeadroomZ * p.StandardError));
        var perReplica = capacity * input.Spec.TargetGpuUtilization / 100;
        inputs["forecastPeakDemand"] = F(peak);
        inputs["forecastStandardError"] = F(lead[^1].StandardError);
        inputs["capacityPerReplica"] = F(capacity);
        return (int)Math.Ceiling(peak / perReplica - 1e-9);
    }

    private static string F(double value) => value.ToString("0.####", Inv);
}
