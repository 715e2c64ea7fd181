using System.Text.Json;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>The three policies' results on one trace, the forecaster's accuracy, and the JSON line they print as.</summary>
public sealed record AutoscaleReport(DemandTrace Trace, IReadOnlyList<ReplayResult> Policies, ForecastScore Forecast, double PricePerGpuHour)
{
    public ReplayResult this[string policy] => Policies.Single(p => p.Policy == policy);

    public string ToJson()
    {
        var policies = Policies.ToDictionary(p => p.Policy, p => new Dictionary<string, object?>
        {
            ["gpuHours"] = Math.Round(p.GpuHours, 3),
            ["sloViolationMinutes"] = Math.Round(p.SloViolationMinutes, 2),
            ["actions"] = p.Actions,
            ["cost"] = Math.Round(p.Cost(PricePerGpuHour), 2),
            ["peakReplicas"] = p.PeakReplicas,
        });
        policies["controlplane"]["oneStepMape"] = Rounded(Forecast.Mape);
        policies["controlplane"]["naiveOneStepMape"] = Rounded(Forecast.NaiveMape);
        return JsonSerializer.Serialize(new { trace = Trace.Name, policies });
    }

    // JSON has no NaN: a score without any scored step is null.
    private static double? Rounded(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}
