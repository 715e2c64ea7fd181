namespace ControlPlane.Core.Budgets;

/// <summary>OpenCost's allocation rule: GPUs requested (never less than used) × price × time.</summary>
public static class CostAccrual
{
    public static double Cost(int gpusRequested, double pricePerGpuHour, TimeSpan elapsed) =>
        Cost(gpusRequested, 0, pricePerGpuHour, elapsed);

    /// <summary>Charges max(requested, used) GPUs: a pod bursting past its request still pays for what it held.</summary>
    public static double Cost(int gpusRequested, double gpusUsed, double pricePerGpuHour, TimeSpan elapsed)
    {
        var gpus = Math.Max(gpusRequested, double.IsFinite(gpusUsed) ? gpusUsed : 0);
        return elapsed <= TimeSpan.Zero || gpus <= 0 ? 0 : gpus * pricePerGpuHour * elapsed.TotalHours;
    }
}
