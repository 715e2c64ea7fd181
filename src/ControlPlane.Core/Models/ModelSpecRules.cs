using System.Text.RegularExpressions;
using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Models;

/// <summary>Checks a <see cref="ModelSpec"/> before it reaches a grain; every problem is one sentence.</summary>
public static partial class ModelSpecRules
{
    public const int MaxReplicas = 1000;
    public const int MaxGpusPerReplica = 16;
    public static readonly string[] WorkloadClasses = ["online", "batch"];

    // Registry host[:port]/path[:tag][@digest], lower-case path components as the OCI distribution spec allows.
    [GeneratedRegex(@"^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ImageReference();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    public static List<string> Validate(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }

        errors.AddRange(CheckImageAndVersion(spec.Image, spec.Version));
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
        Check(spec.Annotations?.TryGetValue(ModelSpec.AlignmentReportAnnotation, out var report) == true && !string.IsNullOrWhiteSpace(report),
            $"annotations must carry '{ModelSpec.AlignmentReportAnnotation}': every deployment names its alignment report.");
        return errors;
    }

    /// <summary>The image must be a valid reference and the version a label value (it becomes one).</summary>
    public static IEnumerable<string> CheckImageAndVersion(string? image, string? version) =>
        new[] { CheckImage(image), CheckVersion(version) }.OfType<string>();

    public static string? CheckImage(string? image) => image is null || image.Length > 512 || !ImageReference().IsMatch(image)
        ? $"image '{Dns1123.Printable(image)}' is not a valid image reference (registry/path:tag or @sha256:digest)."
        : null;

    public static string? CheckVersion(string? version, string what = "version") => version is null || !VersionPattern().IsMatch(version)
        ? $"{what} '{Dns1123.Printable(version)}' must be a Kubernetes label value: 1-63 letters, digits, '.', '-' or '_', starting and ending with a letter or digit."
        : null;

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
