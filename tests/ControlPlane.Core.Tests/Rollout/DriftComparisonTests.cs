using ControlPlane.Core.Rollout;
using ControlPlane.Core.Signals;

namespace ControlPlane.Core.Tests.Rollout;

public class DriftComparisonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static DriftSample Raw(List<double>? values = null, Dictionary<string, long>? counts = null) =>
        new("risk/fraud-mm", "1.5.0", Now, Feature: "amount", Values: values, Counts: counts);

    [Fact]
    public void Compare_SmallNumericReference_GivesPsiKsAndWasserstein()
    {
        var reference = new FeatureReference(Values: Enumerable.Range(0, 200).Select(i => (double)i).ToList());

        var metrics = DriftComparison.Compare(reference, Raw(Enumerable.Range(0, 100).Select(i => i * 2.0 + 150).ToList()));

        Assert.Equal(["psi", "ks", "wasserstein"], metrics.Select(m => m.Metric));
        Assert.True(metrics[0].Value > 0.2); // shifted by most of the reference range
        Assert.True(metrics[1].Value < 0.05);
    }

    [Fact]
    public void Compare_LargeNumericReference_UsesJensenShannonInsteadOfKs()
    {
        var reference = new FeatureReference(Values: Enumerable.Range(0, 1500).Select(i => i * 0.37 % 10).ToList());

        var metrics = DriftComparison.Compare(reference, Raw(Enumerable.Range(0, 300).Select(i => i * 0.37 % 10).ToList()));

        Assert.Equal(["psi", "jensen-shannon", "wasserstein"], metrics.Select(m => m.Metric));
    }

    [Fact]
    public void Compare_Categorical_GivesPsiAndJensenShannon()
    {
        var metrics = DriftComparison.Compare(new FeatureReference(Counts: new() { ["de"] = 50, ["fr"] = 50 }), Raw(counts: new() { ["de"] = 50, ["fr"] = 50 }));

        Assert.Equal(["psi", "jensen-shannon"], metrics.Select(m => m.Metric));
        Assert.All(metrics, m => Assert.Equal(0, m.Value, 9));
    }

    [Fact]
    public void Mismatch_CountsForNumericFeature_SaysSo()
    {
        Assert.Contains("numeric", DriftComparison.Mismatch(new FeatureReference(Values: [1]), Raw(counts: new() { ["a"] = 1 })), StringComparison.Ordinal);
        Assert.Contains("no reference", DriftComparison.Mismatch(null, Raw([1])), StringComparison.Ordinal);
    }
}
