namespace ControlPlane.Core.Tests.Drift;

/// <summary>The inputs of reference_values.py, which printed the expected values the Drift tests assert.</summary>
internal static class DriftSamples
{
    public static readonly double[] Baseline = [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 5.0, 5.0, 6.0, 7.0, 8.0];
    public static readonly double[] ShiftedUnequal = [2.5, 3.0, 3.0, 4.0, 5.5, 6.0, 6.0, 7.0, 8.5, 9.0];

    public static readonly double[] LatencyBefore =
        [12.1, 15.3, 9.8, 11.0, 14.2, 13.5, 10.7, 12.9, 16.4, 11.8, 13.1, 12.4, 9.5, 15.0, 14.7, 10.2, 13.9, 12.0, 11.3, 14.4];
    public static readonly double[] LatencyAfter =
        [14.0, 17.2, 12.1, 13.3, 16.8, 15.1, 12.9, 14.6, 18.3, 13.7, 15.5, 14.2, 11.9, 17.0, 16.1, 12.4, 15.8, 14.0, 13.1, 16.6];

    // Six zeros: several reference quantiles coincide, and current values sit exactly on the edges 0 and 1.
    public static readonly double[] TiedReference = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 2.0, 3.0];
    public static readonly double[] TiedCurrent = [0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0];

    public static readonly double[] ConstantReference = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];

    // "gpu-h100" only before, "gpu-l4" only after.
    public static readonly Dictionary<string, long> AcceleratorsBefore = new() { ["cpu"] = 50, ["gpu-a100"] = 30, ["gpu-h100"] = 20 };
    public static readonly Dictionary<string, long> AcceleratorsAfter = new() { ["cpu"] = 40, ["gpu-a100"] = 35, ["gpu-l4"] = 25 };

    /// <summary>offset, offset + 1, …: far-apart ramps give tiny p-values.</summary>
    public static double[] Ramp(int count, double offset) => [.. Enumerable.Range(0, count).Select(i => i + offset)];

    /// <summary>(i·step) mod period + offset: large deterministic samples, the same formula as in reference_values.py.</summary>
    public static double[] Sawtooth(int count, double step, double period, double offset) =>
        [.. Enumerable.Range(0, count).Select(i => i * step % period + offset)];
}
