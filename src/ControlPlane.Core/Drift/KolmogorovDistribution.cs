namespace ControlPlane.Core.Drift;

/// <summary>Kolmogorov's limiting distribution of √(n·m/(n+m))·D (scipy.stats.kstwobign).</summary>
internal static class KolmogorovDistribution
{
    /// <summary>P(K ≥ z).</summary>
    public static double Survival(double z)
    {
        if (z <= 0) return 1;
        if (z < 1)
        {
            // The alternating series converges slowly for small z; the Jacobi theta form of the CDF converges fast there.
            var scale = -Math.PI * Math.PI / (8 * z * z);
            var cdf = 0.0;
            for (var k = 1; ; k += 2)
            {
                var term = Math.Exp(scale * k * k);
                cdf += term;
                if (term <= cdf * 1e-17) break;
            }
            return 1 - Math.Sqrt(2 * Math.PI) / z * cdf;
        }

        // 2 Σ (−1)^(k−1) exp(−2k²z²): keeps full relative precision for the tiny p-values of large z.
        var survival = 0.0;
        for (var k = 1; ; k++)
        {
            var term = Math.Exp(-2.0 * k * k * z * z);
            survival += k % 2 == 1 ? term : -term;
            if (term <= survival * 1e-17) break;
        }
        return Math.Clamp(2 * survival, 0, 1);
    }
}
