using ControlPlane.Core.Models;
using ControlPlane.Core.Scaling;
using ControlPlane.Core.Signals;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// The HPA-equivalent baseline, through ControlPlane's own reactive rule (<see cref="ScalingPolicy.Decide"/>):
/// ceil(current × utilization / target), 10% tolerance, highest recommendation of the stabilization window on
/// scale-down, evaluated once per trace step on the step's utilization.
/// </summary>
public sealed class HpaAutoscaler(ModelSpec spec, int initialReplicas) : IAutoscaler
{
    private IReadOnlyList<ScaleRecommendation> _history = [];

    public string Name => "hpa";

    public int InitialReplicas => initialReplicas;

    public int Decide(StepObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var sample = new GpuSample("bench/replay", observation.At, observation.Utilization);
        var window = GpuUtilizationWindow.Empty.Add([sample], observation.At);
        var decision = ScalingPolicy.Decide(new ScalingInput(spec, observation.ProvisionedReplicas, window, _history, observation.At));
        _history = decision.History;
        return decision.DesiredReplicas;
    }
}
