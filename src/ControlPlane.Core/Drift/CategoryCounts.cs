namespace ControlPlane.Core.Drift;

/// <summary>Aligns two categorical count tables on the union of their categories.</summary>
internal static class CategoryCounts
{
    /// <summary>Proportions per category, index-aligned; a category absent on one side has proportion 0 there.</summary>
    public static (double[] Reference, double[] Current) AlignedProportions(
        IReadOnlyDictionary<string, long> reference, IReadOnlyDictionary<string, long> current)
    {
        var referenceTotal = Total(reference, nameof(reference));
        var currentTotal = Total(current, nameof(current));

        var union = reference.Count;
        foreach (var category in current.Keys)
        {
            if (!reference.ContainsKey(category)) union++;
        }

        var p = new double[union];
        var q = new double[union];
        var k = 0;
        foreach (var (category, count) in reference)
        {
            p[k] = (double)count / referenceTotal;
            q[k] = current.TryGetValue(category, out var other) ? (double)other / currentTotal : 0;
            k++;
        }
        foreach (var (category, count) in current)
        {
            if (reference.ContainsKey(category)) continue;
            q[k] = (double)count / currentTotal;
            k++;
        }
        return (p, q);
    }

    private static long Total(IReadOnlyDictionary<string, long> counts, string paramName)
    {
        ArgumentNullException.ThrowIfNull(counts, paramName);
        long total = 0;
        foreach (var (category, count) in counts)
        {
            if (count < 0) throw new ArgumentException($"Category '{category}' has a negative count ({count}).", paramName);
            total = checked(total + count);
        }
        if (total == 0) throw new ArgumentException("A categorical drift sample needs at least one observation.", paramName);
        return total;
    }
}
