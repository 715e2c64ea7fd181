namespace ControlPlane.Core.Drift;

/// <summary>Two-sample, two-sided Kolmogorov–Smirnov test: scipy.stats.ks_2samp(method='exact') up to <see cref="ExactThreshold"/>, kstwobign beyond.</summary>
public static class KolmogorovSmirnov
{
    /// <summary>Largest n·m for which the p-value is exact; beyond it the Kolmogorov limit is used.</summary>
    public const long ExactThreshold = 1_000_000;

    public static KolmogorovSmirnovResult Test(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        var a = NumericSample.SortedCopy(reference, nameof(reference));
        var b = NumericSample.SortedCopy(current, nameof(current));
        int n = a.Length, m = b.Length;
        var d = Statistic(a, b);

        if ((long)n * m > ExactThreshold)
        {
            var z = Math.Sqrt((double)n * m / ((double)n + m)) * d;
            return new KolmogorovSmirnovResult(d, KolmogorovDistribution.Survival(z), KolmogorovSmirnovResult.Asymptotic);
        }

        // D is a multiple of 1/lcm(n, m); SciPy snaps it to that lattice and reports the snapped value.
        var g = GreatestCommonDivisor(n, m);
        var lcm = (long)(n / g) * m;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        var p = h == 0 ? 1.0 : SmirnovDistribution.Survival(n, m, g, h);
        return new KolmogorovSmirnovResult((double)h / lcm, Math.Clamp(p, 0, 1), KolmogorovSmirnovResult.Exact);
    }

    /// <summary>sup |F_a − F_b| over the pooled values, with right-continuous empirical CDFs.</summary>
    private static double Statistic(double[] a, double[] b)
    {
        int i = 0, j = 0;
        double above = 0, below = 0;
        while (i < a.Length || j < b.Length)
        {
            var x = i == a.Length ? b[j] : j == b.Length ? a[i] : Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x) i++;
            while (j < b.Length && b[j] <= x) j++;
            // Differences of the two quotients, not of integers, so that D is bit-equal to SciPy's.
            var difference = (double)i / a.Length - (double)j / b.Length;
            above = Math.Max(above, difference);
            below = Math.Max(below, -difference);
        }
        return Math.Max(above, below);
    }

    private static int GreatestCommonDivisor(int x, int y)
    {
        while (y != 0) (x, y) = (y, x % y);
        return x;
    }
}
