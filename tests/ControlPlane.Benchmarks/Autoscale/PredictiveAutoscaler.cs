using ControlPlane.Core.Forecasting;
using ControlPlane.Core.Models;
using ControlPlane.Core.Scaling;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// ControlPlane's predictive mode under replay: <see cref="HoltWinters"/> fitted online on the demand, one
/// observation per step, and <see cref="PredictiveScaling.Decide"/> on its forecast. Also scores the
/// forecaster: one-step errors against the demand that then arrived, and those of a naive last-value forecast.
/// </summary>
public sealed class PredictiveAutoscaler(ModelSpec spec, HoltWintersParameters forecaster, PredictiveScalingParameters scaling, int initialReplicas)
    : IAutoscaler
{
    private HoltWintersState _state = HoltWintersState.Empty;
    private IReadOnlyList<ScaleRecommendation> _history = [];
    private double? _pendingForecast;
    private double? _previousDemand;

    public string Name => "controlplane";

    public int InitialReplicas => initialReplicas;

    /// <summary>One-step forecast errors scored so far, with the actual demand they were made for.</summary>
    public ForecastScore Score { get; private set; } = ForecastScore.Empty;

    public int Decide(StepObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (_pendingForecast is { } predicted && _previousDemand is { } previous)
            Score = Score.Add(observation.Demand, predicted, previous);
        _state = HoltWinters.Update(_state, forecaster, observation.Demand);
        var forecast = HoltWinters.Forecast(_state, forecaster, scaling.LeadSteps);
        _pendingForecast = forecast.Basis == ForecastBasis.Fitted ? forecast.Points[0].Value : null;
        _previousDemand = observation.Demand;

        var decision = PredictiveScaling.Decide(new PredictiveScalingInput(
            spec, observation.ProvisionedReplicas, observation.Utilization, forecast, scaling, _history, observation.At));
        _history = decision.History;
        return decision.DesiredReplicas;
    }
}
