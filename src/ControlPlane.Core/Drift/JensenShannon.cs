namespace ControlPlane.Core.Drift;

/// <summary>Jensen–Shannon distance (the square root of the divergence, natural log), as scipy.spatial.distance.jensenshannon.</summary>
public static class JensenShannon
{
    /// <summary>Distance between the samples' shares of the reference-quantile bins that PSI uses; no smoothing.</summary>
    public static double Distance(
        IReadOnlyList<double> reference, IReadOnlyList<double> current, int bins = PopulationStabilityIndex.DefaultBins)
    {
        var (p, q) = QuantileBins.Proportions(reference, current, bins);
        return FromProportions(p, q);
    }

    /// <summary>Distance between the category shares over the union of both samples' categories.</summary>
    public static double Distance(IReadOnlyDictionary<string, long> reference, IReadOnlyDictionary<string, long> current)
    {
        var (p, q) = CategoryCounts.AlignedProportions(reference, current);
        return FromProportions(p, q);
    }

    private static double FromProportions(double[] p, double[] q)
    {
        var divergence = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var m = (p[i] + q[i]) / 2;
            divergence += RelativeEntropy(p[i], m) + RelativeEntropy(q[i], m);
        }
        // Rounding can leave a hair below zero for near-identical inputs, where SciPy would return NaN.
        return Math.Sqrt(Math.Max(divergence, 0) / 2);
    }

    // scipy.special.rel_entr: an empty share contributes nothing (x·ln x → 0).
    private static double RelativeEntropy(double x, double m) => x > 0 ? x * Math.Log(x / m) : 0;
}
