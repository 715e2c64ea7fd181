namespace ControlPlane.Core.Budgets;

/// <summary>OpenCost's allocation rule: GPUs requested (never less than used) × price × time.</summary>
public static class CostAccrual
{
    public static double Cost(int gpusRequested, double pricePerGpuHour, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero || gpusRequested <= 0 ? 0 : gpusRequested * pricePerGpuHour * elapsed.TotalHours;
}
