using ControlPlane.Core.Drift;
using ControlPlane.Core.Signals;

namespace ControlPlane.Core.Rollout;

/// <summary>
/// Turns raw observations of a feature into drift metrics against the version's reference, following
/// the anchors: PSI always; KS (its p-value) on references under 1,000 rows, Jensen–Shannon on larger
/// ones; normalized Wasserstein for numeric features as information. Categorical: PSI and Jensen–Shannon.
/// </summary>
public static class DriftComparison
{
    public const int SmallReference = 1000;

    public static IReadOnlyList<QualityObservation> Compare(FeatureReference reference, DriftSample observation)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(observation);
        var at = observation.Timestamp;
        var feature = observation.Feature;
        if (reference.Counts is { } referenceCounts && observation.Counts is { } counts)
            return
            [
                new(QualityMetrics.Psi, feature, PopulationStabilityIndex.Compute(referenceCounts, counts), at),
                new(QualityMetrics.JensenShannon, feature, JensenShannon.Distance(referenceCounts, counts), at),
            ];
        if (reference.Values is { } referenceValues && observation.Values is { } values)
        {
            var psi = new QualityObservation(QualityMetrics.Psi, feature, PopulationStabilityIndex.Compute(referenceValues, values), at);
            var shape = referenceValues.Count < SmallReference
                ? new QualityObservation(QualityMetrics.Ks, feature, KolmogorovSmirnov.Test(referenceValues, values).PValue, at)
                : new QualityObservation(QualityMetrics.JensenShannon, feature, JensenShannon.Distance(referenceValues, values), at);
            return [psi, shape, new(QualityMetrics.Wasserstein, feature, Wasserstein.Normalized(referenceValues, values), at)];
        }
        return [];
    }

    /// <summary>Null when the observation can be compared with the reference, else why not.</summary>
    public static string? Mismatch(FeatureReference? reference, DriftSample observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (reference is null) return $"no reference distribution for feature '{observation.Feature}'";
        if (reference.Values is not null && observation.Values is null) return $"feature '{observation.Feature}' is numeric: send values, not counts";
        if (reference.Counts is not null && observation.Counts is null) return $"feature '{observation.Feature}' is categorical: send counts, not values";
        return null;
    }
}
