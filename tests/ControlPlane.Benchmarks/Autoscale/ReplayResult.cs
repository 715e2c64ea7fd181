namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>What one policy cost and how it served over a replayed trace.</summary>
public sealed record ReplayResult(
    string Policy,
    double GpuHours,
    double SloViolationMinutes,
    int Actions,
    IReadOnlyList<int> ProvisionedPerStep)
{
    public int PeakReplicas => ProvisionedPerStep.Count == 0 ? 0 : ProvisionedPerStep.Max();

    public double Cost(double pricePerGpuHour) => GpuHours * pricePerGpuHour;
}
