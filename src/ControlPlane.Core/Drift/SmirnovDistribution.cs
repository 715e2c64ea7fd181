namespace ControlPlane.Core.Drift;

/// <summary>Exact null distribution of the two-sided two-sample statistic D (Smirnov), for small n·m.</summary>
/// <remarks>
/// Under the null hypothesis every interleaving of the two sorted samples is equally likely: a monotone
/// lattice path from (0, 0) to (n, m), and D ≥ h/lcm(n, m) exactly when the path touches |x/n − y/m| ≥ h/lcm.
/// </remarks>
internal static class SmirnovDistribution
{
    /// <summary>P(D ≥ h / lcm(n, m)), for 1 ≤ h ≤ lcm(n, m); g = gcd(n, m).</summary>
    public static double Survival(int n, int m, int g, long h) =>
        n == m ? SurvivalEqualSizes(n, (int)h) : SurvivalUnequalSizes(n, m, g, h);

    /// <summary>
    /// Reflection principle: P = 2 Σ_{k≥1} (−1)^(k−1) C(2n, n − kh) / C(2n, n). The alternating sum cancels badly,
    /// so it is nested as 2·A₁(1 − A₂(1 − A₃(…))), Aₖ being the ratio of consecutive binomial terms.
    /// </summary>
    private static double SurvivalEqualSizes(int n, int h)
    {
        var nested = 0.0;
        for (var k = n / h; k >= 0; k--)
        {
            // C(2n, n − (k+1)h) / C(2n, n − kh) as h factors, each below 1, so nothing overflows.
            var ratio = 1.0;
            for (var j = 0; j < h; j++)
            {
                ratio = (double)(n - k * h - j) * ratio / (n + k * h + j + 1);
            }
            nested = ratio * (1 - nested);
        }
        return 2 * nested;
    }

    /// <summary>
    /// Column by column over the larger sample, tracks for each cell the share of paths into it that have already
    /// left the strip |x/large − y/small| &lt; h/lcm (Viehmann's recursion on 1 − p, which stays in [0, 1]).
    /// </summary>
    private static double SurvivalUnequalSizes(int n, int m, int g, long h)
    {
        var (large, small) = n > m ? (n, m) : (m, n);
        long largeStep = large / g, smallStep = small / g;

        // Cells above the strip have never been inside, so they start, and stay until the strip reaches them, at 1.
        var escaped = new double[small + 1];
        var lo = 0;
        for (var y = (int)Math.Min(CeilingDivide(h, largeStep), small + 1); y <= small; y++) escaped[y] = 1;

        for (var x = 1; x <= large; x++)
        {
            // Cells nextLo ≤ y < nextHi of this column are strictly inside: |smallStep·x − largeStep·y| < h.
            var nextLo = (int)Math.Clamp(FloorDivide(smallStep * x - h, largeStep) + 1, 0, small);
            var nextHi = (int)Math.Min(CeilingDivide(smallStep * x + h, largeStep), small + 1);
            if (nextHi <= nextLo) return 1; // no cell of this column is inside: every path leaves the strip
            for (var y = lo; y < nextLo; y++) escaped[y] = 1;

            // A path into (x, y) comes from (x−1, y) with weight x/(x+y), from (x, y−1) with weight y/(x+y).
            var fromBelow = 1.0;
            for (var y = nextLo; y < nextHi; y++)
            {
                fromBelow = (escaped[y] * x + fromBelow * y) / (x + y);
                escaped[y] = fromBelow;
            }
            lo = nextLo;
        }
        return escaped[small];
    }

    private static long FloorDivide(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilingDivide(long a, long b) => (a + b - 1) / b;
}
