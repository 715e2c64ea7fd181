namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// Load per fixed time step, read from a public trace, with the per-replica capacity in the same unit and
/// a note saying how that capacity was derived (it is an assumption the results depend on).
/// </summary>
public sealed record DemandTrace(
    string Name,
    double StepSeconds,
    IReadOnlyList<double> Demand,
    double CapacityPerReplica,
    string Unit,
    string CapacityNote)
{
    public double Hours => Demand.Count * StepSeconds / 3600;

    public double Peak => Demand.Count == 0 ? 0 : Demand.Max();
}
