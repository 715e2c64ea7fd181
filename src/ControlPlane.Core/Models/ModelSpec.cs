using System.Text.Json.Serialization;
using ControlPlane.Core.Rollout;

namespace ControlPlane.Core.Models;

/// <summary>What a team asks for: the model's image, where it runs, how it scales and what it may cost.</summary>
[GenerateSerializer, Immutable]
public sealed record ModelSpec(
    [Id(0)] string Image,
    [Id(1)] string Version,
    [Id(2)] string Cluster,
    [Id(3)] string Budget,
    [Id(4)] string GpuType,
    [Id(5)] int GpusPerReplica,
    [Id(6)] ReplicaBounds Replicas,
    [Id(7)] double TargetGpuUtilization,
    [Id(8)] Dictionary<string, string>? Annotations = null,
    [Id(9)] DriftSpec? Drift = null,
    [Id(10)] string WorkloadClass = "online",
    [Id(11)] int ScaleDownStabilizationSeconds = 300,
    [Id(12)] int MetricWindowSeconds = 30,
    [Id(13)] int Port = 8080,
    [Id(14)] double? RequestsPerSecondPerReplica = null,
    [Id(15)] RolloutSpec? Rollout = null,
    [Id(16)] string? CapacityType = null,
    [Id(17)] ScalingSpec? Scaling = null)
{
    public const string AlignmentReportAnnotation = "ai-alignment-report-id";

    /// <summary>How the GPUs are bought: <c>on-demand</c> (the default) or <c>spot</c>.</summary>
    [JsonIgnore]
    public string CapacityTypeOrDefault => CapacityType ?? CapacityTypes.OnDemand;

    /// <summary>How replicas follow load: <c>reactive</c> (the default, HPA's rule) or <c>predictive</c>.</summary>
    [JsonIgnore]
    public string ScalingMode => Scaling?.Mode ?? ScalingModes.Reactive;

    [JsonIgnore]
    public IReadOnlyDictionary<string, string> AnnotationsOrEmpty =>
        Annotations ?? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>();

    /// <summary>Equal by content; record equality would compare the annotation dictionaries by reference.</summary>
    public bool IsSameAs(ModelSpec other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { Annotations = null } == other with { Annotations = null }
            && AnnotationsOrEmpty.Count == other.AnnotationsOrEmpty.Count
            && AnnotationsOrEmpty.All(a => other.AnnotationsOrEmpty.TryGetValue(a.Key, out var v) && v == a.Value);
    }
}

/// <summary>The replica range the scaler stays within.</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaBounds([Id(0)] int Min, [Id(1)] int Max);

/// <summary>Which drift metric to watch and when a breach counts (acted on by the decision engine).</summary>
[GenerateSerializer, Immutable]
public sealed record DriftSpec([Id(0)] string Metric = "psi", [Id(1)] double Threshold = 0.2, [Id(2)] int ConsecutiveBreaches = 3);

/// <summary>Which capacity a model's GPUs are bought as; the value of <see cref="ModelSpec.CapacityType"/>.</summary>
public static class CapacityTypes
{
    public const string OnDemand = "on-demand";

    /// <summary>Interruptible, cheaper capacity; rendered as a node selector and toleration.</summary>
    public const string Spot = "spot";

    public static readonly string[] All = [OnDemand, Spot];
}

/// <summary>How the model scales; see <see cref="ScalingModes"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ScalingSpec([Id(0)] string Mode = ScalingModes.Reactive);

/// <summary>The values of <see cref="ScalingSpec.Mode"/>.</summary>
public static class ScalingModes
{
    /// <summary>HPA's rule on the utilization (and request rate) now.</summary>
    public const string Reactive = "reactive";

    /// <summary>Provisions for the forecast demand over the start-up lead time, never below the reactive rule.</summary>
    public const string Predictive = "predictive";

    public static readonly string[] All = [Reactive, Predictive];
}
