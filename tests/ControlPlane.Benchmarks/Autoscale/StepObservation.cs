namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// What an autoscaler sees at the end of a step: the demand served in it, the replicas provisioned (ready
/// plus starting, as HPA counts starting pods) and the utilization those would have, in percent.
/// </summary>
public sealed record StepObservation(int Step, DateTimeOffset At, double Demand, int ProvisionedReplicas, double Utilization);
