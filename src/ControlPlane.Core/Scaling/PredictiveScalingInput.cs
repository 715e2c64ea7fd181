using ControlPlane.Core.Forecasting;
using ControlPlane.Core.Models;

namespace ControlPlane.Core.Scaling;

/// <summary>
/// Everything predictive scaling looks at: the spec (bounds, target utilization, per-replica capacity,
/// stabilization), the replicas and utilization now, the demand forecast in the capacity's load unit,
/// and the recommendation history.
/// </summary>
public sealed record PredictiveScalingInput(
    ModelSpec Spec,
    int CurrentReplicas,
    double? ObservedUtilization,
    HoltWintersForecast Forecast,
    PredictiveScalingParameters Parameters,
    IReadOnlyList<ScaleRecommendation> History,
    DateTimeOffset Now);
