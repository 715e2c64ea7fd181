using System.Globalization;

namespace ControlPlane.Core.Scaling;

/// <summary>
/// How far ahead predictive scaling looks (forecast steps covering the replica start-up time plus the next
/// evaluation) and how many forecast standard errors of headroom it provisions on top of the point forecast.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PredictiveScalingParameters([Id(0)] int LeadSteps, [Id(1)] double HeadroomZ)
{
    /// <summary>Why these parameters cannot drive the scaler, or null when they can.</summary>
    public string? Problem() =>
        LeadSteps < 1 ? string.Format(CultureInfo.InvariantCulture, "lead steps must be at least 1, not {0}", LeadSteps)
        : !(HeadroomZ >= 0 && double.IsFinite(HeadroomZ)) ? string.Format(CultureInfo.InvariantCulture, "headroom z must be a finite number ≥ 0, not {0}", HeadroomZ)
        : null;
}
