namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>Provisioned once for the trace's peak at the target utilization, never changed: what the fleet did.</summary>
public sealed class StaticAutoscaler(int replicas) : IAutoscaler
{
    public string Name => "static";

    public int InitialReplicas => replicas;

    public static StaticAutoscaler ForPeak(DemandTrace trace, double targetUtilization)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new StaticAutoscaler(Math.Max(1, (int)Math.Ceiling(trace.Peak / (trace.CapacityPerReplica * targetUtilization / 100) - 1e-9)));
    }

    public int Decide(StepObservation observation) => replicas;
}
