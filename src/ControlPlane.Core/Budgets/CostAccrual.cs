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

    /// <summary>
    /// The part of a cost spread evenly over [<paramref name="from"/>, <paramref name="until"/>) that falls at or after
    /// <paramref name="start"/>: what a budget period that began at <paramref name="start"/> owes of it.
    /// </summary>
    public static double Since(double cost, DateTimeOffset from, DateTimeOffset until, DateTimeOffset start)
    {
        if (until <= from) return until >= start ? cost : 0; // an instant's cost belongs to the period it happened in
        if (from >= start) return cost;
        if (until <= start) return 0;
        return cost * ((until - start).Ticks / (double)(until - from).Ticks);
    }
}
