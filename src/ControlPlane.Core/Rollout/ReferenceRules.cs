using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Rollout;

/// <summary>Limits on reference distributions and raw observations, so that one request cannot exhaust a grain.</summary>
public static class ReferenceRules
{
    public const int MaxFeatures = 100;
    public const int MaxValues = 100_000;
    public const int MaxCategories = 10_000;
    public const int MaxNameLength = 253;

    /// <summary>Largest count of one category: with at most <see cref="MaxCategories"/> of them the total stays far from overflow.</summary>
    public const long MaxCount = 1_000_000_000_000;

    /// <summary>Largest magnitude a raw value may have: beyond it distances between values overflow a double.</summary>
    public const double MaxMagnitude = 1e100;

    /// <summary>Null when <paramref name="feature"/> is usable, else why not; <paramref name="where"/> prefixes the message.</summary>
    public static string? Check(string where, FeatureReference feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return (feature.Values, feature.Counts) switch
        {
            (null, null) => $"{where} needs either values or counts.",
            (not null, not null) => $"{where} has both values and counts; give one.",
            ({ } values, _) => CheckValues(where, values),
            (_, { } counts) => CheckCounts(where, counts),
        };
    }

    public static string? CheckValues(string where, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return $"{where}.values is empty.";
        if (values.Count > MaxValues) return $"{where}.values has {values.Count} entries; at most {MaxValues} are allowed.";
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i])) return $"{where}.values[{i}] is not a finite number.";
            if (Math.Abs(values[i]) > MaxMagnitude) return $"{where}.values[{i}] is larger in magnitude than {MaxMagnitude:0e0}.";
        }
        return null;
    }

    public static string? CheckCounts(string where, IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0) return $"{where}.counts is empty.";
        if (counts.Count > MaxCategories) return $"{where}.counts has {counts.Count} categories; at most {MaxCategories} are allowed.";
        foreach (var (category, count) in counts)
        {
            if (category.Length is 0 or > MaxNameLength) return $"{where}.counts has a category name that is empty or longer than {MaxNameLength} characters.";
            if (count < 0) return $"{where}.counts['{Dns1123.Printable(category)}'] is negative.";
            if (count > MaxCount) return $"{where}.counts['{Dns1123.Printable(category)}'] is larger than {MaxCount}.";
        }
        return counts.Values.Sum() == 0 ? $"{where}.counts are all zero." : null;
    }

    public static string? CheckFeatureName(string where, string? feature) =>
        string.IsNullOrWhiteSpace(feature) || feature.Length > MaxNameLength || feature.Any(char.IsControl)
            ? $"{where} '{Dns1123.Printable(feature)}' must be 1-{MaxNameLength} printable characters."
            : null;
}
