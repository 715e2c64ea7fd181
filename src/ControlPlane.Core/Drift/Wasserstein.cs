namespace ControlPlane.Core.Drift;

/// <summary>First Wasserstein (earth mover's) distance between two 1-D samples: ∫ |F_u − F_v| dx.</summary>
public static class Wasserstein
{
    /// <summary>As scipy.stats.wasserstein_distance(reference, current), in the samples' own units.</summary>
    public static double Distance(IReadOnlyList<double> reference, IReadOnlyList<double> current) =>
        Between(NumericSample.SortedCopy(reference, nameof(reference)), NumericSample.SortedCopy(current, nameof(current)));

    /// <summary>The distance in units of the reference's population standard deviation (ddof = 0), as Evidently reports it.</summary>
    public static double Normalized(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        var u = NumericSample.SortedCopy(reference, nameof(reference));
        var distance = Between(u, NumericSample.SortedCopy(current, nameof(current)));
        // A constant reference has no spread to scale by; the raw distance still says how far the current sample moved.
        return u[0] == u[^1] ? distance : distance / PopulationStandardDeviation(u);
    }

    private static double Between(double[] u, double[] v)
    {
        int i = 0, j = 0;
        var x = Math.Min(u[0], v[0]);
        var area = 0.0;
        while (true)
        {
            while (i < u.Length && u[i] <= x) i++;
            while (j < v.Length && v[j] <= x) j++;
            if (i == u.Length && j == v.Length) return area;
            var next = i == u.Length ? v[j] : j == v.Length ? u[i] : Math.Min(u[i], v[j]);
            // Both empirical CDFs are flat on [x, next).
            area += Math.Abs((double)i / u.Length - (double)j / v.Length) * (next - x);
            x = next;
        }
    }

    private static double PopulationStandardDeviation(double[] values)
    {
        var mean = 0.0;
        foreach (var value in values) mean += value;
        mean /= values.Length;
        var squares = 0.0;
        foreach (var value in values) squares += (value - mean) * (value - mean);
        return Math.Sqrt(squares / values.Length);
    }
}
