using ControlPlane.Core.Models;

namespace ControlPlane.Core.Scaling;

/// <summary>Everything the scaling rule looks at; nothing else influences the decision.</summary>
public sealed record ScalingInput(
    ModelSpec Spec,
    int CurrentReplicas,
    GpuUtilizationWindow Window,
    IReadOnlyList<ScaleRecommendation> History,
    DateTimeOffset Now);
