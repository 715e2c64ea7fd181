namespace ControlPlane.Core.Drift;

/// <summary>Population stability index, Σ (ref − cur)·ln(ref / cur) over shared bins or categories.</summary>
public static class PopulationStabilityIndex
{
    public const int DefaultBins = 10;

    /// <summary>Stands in for an empty bin, as Evidently does, so that the logarithm stays finite.</summary>
    public const double EmptyBinProportion = 0.0001;

    /// <summary>PSI over bins cut at the reference's quantiles (duplicate edges collapsed, outer bins open-ended).</summary>
    public static double Compute(IReadOnlyList<double> reference, IReadOnlyList<double> current, int bins = DefaultBins)
    {
        var (p, q) = QuantileBins.Proportions(reference, current, bins);
        return FromProportions(p, q);
    }

    /// <summary>PSI over the union of the categories of both samples.</summary>
    public static double Compute(IReadOnlyDictionary<string, long> reference, IReadOnlyDictionary<string, long> current)
    {
        var (p, q) = CategoryCounts.AlignedProportions(reference, current);
        return FromProportions(p, q);
    }

    private static double FromProportions(double[] reference, double[] current)
    {
        var psi = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var p = reference[i] == 0 ? EmptyBinProportion : reference[i];
            var q = current[i] == 0 ? EmptyBinProportion : current[i];
            psi += (p - q) * Math.Log(p / q);
        }
        return psi;
    }
}
