namespace ControlPlane.Core.Rollout;

/// <summary>The drift and quality metrics the plane understands, their kinds, ranges and default bounds.</summary>
public static class QualityMetrics
{
    public const string DataDrift = "data-drift";
    public const string Accuracy = "accuracy";
    public const string Bias = "bias";

    public const string Psi = "psi";
    public const string Ks = "ks";
    public const string JensenShannon = "jensen-shannon";
    public const string Wasserstein = "wasserstein";
    public const string DemographicParityDifference = "demographic-parity-difference";
    public const string EqualOpportunityDifference = "equal-opportunity-difference";

    /// <summary>Metric → (kind, lowest valid value, highest valid value). KS values are p-values.</summary>
    public static readonly IReadOnlyDictionary<string, (string Kind, double Low, double High)> Known =
        new Dictionary<string, (string, double, double)>
        {
            [Psi] = (DataDrift, 0, double.MaxValue),
            [Ks] = (DataDrift, 0, 1),
            [JensenShannon] = (DataDrift, 0, 1),
            [Wasserstein] = (DataDrift, 0, double.MaxValue),
            [Accuracy] = (Accuracy, 0, 1),
            [DemographicParityDifference] = (Bias, -1, 1),
            [EqualOpportunityDifference] = (Bias, -1, 1),
        };

    public static readonly string[] Kinds = [DataDrift, Accuracy, Bias];

    /// <summary>
    /// The anchors: PSI acts at 0.2 (watch at 0.1), KS at p &lt; 0.05, Jensen–Shannon at 0.1;
    /// a fairness gap above 0.1 is critical. Wasserstein and accuracy have no default bound.
    /// </summary>
    public static readonly IReadOnlyList<QualityBound> DefaultBounds =
    [
        new(Psi, Max: 0.2, Watch: 0.1),
        new(Ks, Min: 0.05),
        new(JensenShannon, Max: 0.1),
        new(DemographicParityDifference, Max: 0.1, Critical: true),
        new(EqualOpportunityDifference, Max: 0.1, Critical: true),
    ];

    /// <summary>Bias metrics are signed gaps: only their size matters.</summary>
    public static double Magnitude(string metric, double value) =>
        Known.TryGetValue(metric, out var m) && m.Kind == Bias ? Math.Abs(value) : value;
}
