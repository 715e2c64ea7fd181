namespace ControlPlane.Core.Drift;

/// <summary>Bins shared by PSI and Jensen–Shannon: cut at the reference's quantiles, outer bins open-ended.</summary>
internal static class QuantileBins
{
    /// <summary>Share of each sample per bin, index-aligned, binned on the reference's quantile edges.</summary>
    public static (double[] Reference, double[] Current) Proportions(
        IReadOnlyList<double> reference, IReadOnlyList<double> current, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var sortedReference = NumericSample.SortedCopy(reference, nameof(reference));
        NumericSample.Validate(current, nameof(current));
        var edges = Edges(sortedReference, bins);
        return (ProportionsIn(sortedReference, edges), ProportionsIn(current, edges));
    }

    /// <summary>Unique edges at quantiles k/bins, k = 1..bins-1, as numpy.unique(numpy.quantile(reference, q)).</summary>
    public static double[] Edges(double[] sortedReference, int bins)
    {
        var edges = new double[bins - 1];
        for (var k = 1; k < bins; k++) edges[k - 1] = Quantile(sortedReference, (double)k / bins);

        // Heavy ties repeat an edge; a repeated edge would only add bins that can never fill.
        Array.Sort(edges);
        var unique = 1;
        for (var i = 1; i < edges.Length; i++)
        {
            if (edges[i] != edges[unique - 1]) edges[unique++] = edges[i];
        }
        return unique == edges.Length ? edges : edges[..unique];
    }

    private static double[] ProportionsIn(IReadOnlyList<double> values, double[] edges)
    {
        var proportions = new double[edges.Length + 1];
        for (var i = 0; i < values.Count; i++) proportions[BinOf(values[i], edges)]++;
        for (var b = 0; b < proportions.Length; b++) proportions[b] /= values.Count;
        return proportions;
    }

    /// <summary>The number of edges at or below <paramref name="value"/>: a value on an edge goes to the upper bin.</summary>
    private static int BinOf(double value, double[] edges)
    {
        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (edges[mid] <= value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var virtualIndex = (sorted.Length - 1) * q;
        if (virtualIndex >= sorted.Length - 1) return sorted[^1];
        var below = Math.Floor(virtualIndex);
        var a = sorted[(int)below];
        var b = sorted[(int)below + 1];
        var t = virtualIndex - below;
        // NumPy interpolates from the nearer neighbour; doing the same keeps edges bit-equal, which matters when values sit on them.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }
}
