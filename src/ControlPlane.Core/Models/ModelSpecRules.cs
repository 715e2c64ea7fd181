using ControlPlane.Core.Fields;
using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Models;

/// <summary>Checks a <see cref="ModelSpec"/> before it reaches a grain; every problem is one sentence.</summary>
public static class ModelSpecRules
{
    public const int MaxReplicas = 1000;
    public const int MaxGpusPerReplica = 16;
    public static readonly string[] WorkloadClasses = ["online", "batch"];

    public static List<string> Validate(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }

        AddIfBad(errors, FieldRules.Image.Check("image", spec.Image));
        AddIfBad(errors, FieldRules.Version.Check("version", spec.Version));
        AddIfBad(errors, Dns1123.CheckLabel("cluster", spec.Cluster));
        AddIfBad(errors, Dns1123.CheckLabel("budget", spec.Budget));
        AddIfBad(errors, Dns1123.CheckLabel("gpuType", spec.GpuType));
        Check(spec.GpusPerReplica is >= 1 and <= MaxGpusPerReplica, $"gpusPerReplica must be between 1 and {MaxGpusPerReplica}.");
        Check(spec.Replicas is not null, "replicas must be given as {\"min\": n, \"max\": m}.");
        if (spec.Replicas is not null)
        {
            Check(spec.Replicas.Min is >= 1 and <= MaxReplicas, $"replicas.min must be between 1 and {MaxReplicas}.");
            Check(spec.Replicas.Max is >= 1 and <= MaxReplicas, $"replicas.max must be between 1 and {MaxReplicas}.");
            Check(spec.Replicas.Min <= spec.Replicas.Max, "replicas.min must not exceed replicas.max.");
        }
        Check(double.IsFinite(spec.TargetGpuUtilization) && spec.TargetGpuUtilization is > 0 and <= 100,
            "targetGpuUtilization must be a number above 0 and at most 100.");
        Check(WorkloadClasses.Contains(spec.WorkloadClass), $"workloadClass must be one of: {string.Join(", ", WorkloadClasses)}.");
        Check(spec.CapacityType is null || CapacityTypes.All.Contains(spec.CapacityType), $"capacityType must be one of: {string.Join(", ", CapacityTypes.All)}.");
        Check(spec.Scaling is null || ScalingModes.All.Contains(spec.Scaling.Mode), $"scaling.mode must be one of: {string.Join(", ", ScalingModes.All)}.");
        Check(spec.ScalingMode != ScalingModes.Predictive || spec.RequestsPerSecondPerReplica is not null,
            "scaling.mode predictive needs requestsPerSecondPerReplica: demand is forecast in requests per second.");
        Check(spec.ScaleDownStabilizationSeconds is >= 0 and <= 3600, "scaleDownStabilizationSeconds must be between 0 and 3600.");
        Check(spec.MetricWindowSeconds is >= 1 and <= 600, "metricWindowSeconds must be between 1 and 600.");
        Check(spec.Port is >= 1 and <= 65535, "port must be between 1 and 65535.");
        if (spec.Drift is { } drift)
        {
            Check(double.IsFinite(drift.Threshold) && drift.Threshold > 0, "drift.threshold must be a positive number.");
            Check(drift.ConsecutiveBreaches is >= 1 and <= 100, "drift.consecutiveBreaches must be between 1 and 100.");
        }
        CheckRollout(spec, errors);
        errors.AddRange(KubernetesMetadataRules.CheckAnnotations(spec.Annotations));
        errors.AddRange(CheckAnnotationValues(spec.AnnotationsOrEmpty));
        return errors;
    }

    /// <summary>The alignment report is required and an identifier; every other value is text Kubernetes keeps as given.</summary>
    private static IEnumerable<string> CheckAnnotationValues(IReadOnlyDictionary<string, string> annotations)
    {
        const string report = ModelSpec.AlignmentReportAnnotation;
        if (!annotations.ContainsKey(report) && FieldRules.AlignmentReportId.Check($"annotations['{report}']", null) is { } missing)
            yield return missing;
        foreach (var (key, value) in annotations)
        {
            if (value is null) continue; // KubernetesMetadataRules says so
            var rule = key == report ? FieldRules.AlignmentReportId : FieldRules.AnnotationValue;
            if (rule.Check($"annotations['{Dns1123.Printable(key)}']", value) is { } bad) yield return bad;
        }
    }

    private static void CheckRollout(ModelSpec spec, List<string> errors)
    {
        if (spec.RequestsPerSecondPerReplica is { } rps && (!double.IsFinite(rps) || rps <= 0 || rps > 1e9))
            errors.Add("requestsPerSecondPerReplica must be a finite number above 0.");
        if (spec.Drift is { } drift && !Rollout.QualityMetrics.Known.ContainsKey(drift.Metric))
            errors.Add($"drift.metric must be one of: {string.Join(", ", Rollout.QualityMetrics.Known.Keys)}.");
        if (spec.Rollout is not { } rollout) return;
        if (rollout.IntervalSeconds is < 1 or > 3600) errors.Add("rollout.intervalSeconds must be between 1 and 3600.");
        if (rollout.PromoteAfter is < 1 or > 1000) errors.Add("rollout.promoteAfter must be between 1 and 1000.");
        if (rollout.ConsecutiveBreaches is < 1 or > 1000) errors.Add("rollout.consecutiveBreaches must be between 1 and 1000.");
        var bounds = rollout.Bounds ?? [];
        for (var i = 0; i < bounds.Count; i++)
        {
            var b = bounds[i];
            if (b is null) { errors.Add($"rollout.bounds[{i}] is null."); continue; }
            if (!Rollout.QualityMetrics.Known.ContainsKey(b.Metric))
                errors.Add($"rollout.bounds[{i}].metric must be one of: {string.Join(", ", Rollout.QualityMetrics.Known.Keys)}.");
            if (b.Min is null && b.Max is null) errors.Add($"rollout.bounds[{i}] needs min or max.");
            if (new[] { b.Min, b.Max, b.Watch }.Any(v => v is { } x && !double.IsFinite(x)))
                errors.Add($"rollout.bounds[{i}] limits must be finite numbers.");
        }
        if (bounds.Where(b => b is not null).GroupBy(b => b.Metric).Any(g => g.Count() > 1))
            errors.Add("rollout.bounds lists a metric more than once.");
    }

    private static void AddIfBad(List<string> errors, string? error)
    {
        if (error is not null) errors.Add(error);
    }
}
