namespace ControlPlane.Core.Drift;

/// <summary>Argument checks and sorted copies for the numeric drift statistics.</summary>
internal static class NumericSample
{
    /// <summary>Throws unless <paramref name="values"/> is non-empty and every value is finite.</summary>
    public static void Validate(IReadOnlyList<double> values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Count == 0) throw new ArgumentException("A drift sample needs at least one value.", paramName);
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"Drift samples must be finite; value {i} is {values[i]}.", paramName);
        }
    }

    /// <summary>Validates, then returns an ascending copy; the caller's list is left untouched.</summary>
    public static double[] SortedCopy(IReadOnlyList<double> values, string paramName)
    {
        Validate(values, paramName);
        var sorted = new double[values.Count];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = values[i];
        Array.Sort(sorted);
        return sorted;
    }
}
