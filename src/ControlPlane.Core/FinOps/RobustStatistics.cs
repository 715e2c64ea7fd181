namespace ControlPlane.Core.FinOps;

/// <summary>Median and median absolute deviation: location and scale that one spike cannot drag.</summary>
internal static class RobustStatistics
{
    /// <summary>Scales a MAD to a standard deviation for normally distributed data.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The median of the finite values, or NaN when there are none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return MedianInPlace(values.ToArray());
    }

    /// <summary>The median of finite values, sorting <paramref name="values"/> in place; the backtest calls this thousands of times.</summary>
    public static double MedianInPlace(Span<double> values)
    {
        values.Sort();
        var n = values.Length;
        while (n > 0 && !double.IsFinite(values[n - 1])) n--;
        var lo = 0;
        while (lo < n && !double.IsFinite(values[lo])) lo++;
        var finite = values[lo..n];
        if (finite.Length == 0) return double.NaN;
        var mid = finite.Length / 2;
        return finite.Length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
    }

    /// <summary>The p-quantile (0..1) by linear interpolation between closest ranks, or NaN when empty.</summary>
    public static double Quantile(IEnumerable<double> values, double p)
    {
        var sorted = values.Where(double.IsFinite).ToArray();
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        var rank = Math.Clamp(p, 0, 1) * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
