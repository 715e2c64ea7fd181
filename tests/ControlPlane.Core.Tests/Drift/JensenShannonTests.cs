using ControlPlane.Core.Drift;

namespace ControlPlane.Core.Tests.Drift;

public class JensenShannonTests
{
    // Expected values: scipy 1.10.1, reference_values.py js_numeric(reference, current), i.e.
    // scipy.spatial.distance.jensenshannon of the counts in the reference's 10 quantile bins.
    public static TheoryData<double[], double[], double> ScipyReference => new()
    {
        { DriftSamples.Baseline, DriftSamples.ShiftedUnequal, 0.3864134709428414 },    // js baseline vs shifted_unequal
        { DriftSamples.LatencyBefore, DriftSamples.LatencyAfter, 0.41858228782484025 }, // js latency_before vs latency_after
        { DriftSamples.TiedReference, DriftSamples.TiedCurrent, 0.3033414772037022 },   // js tied_reference vs tied_current
        {
            DriftSamples.Sawtooth(1500, 0.37, 10, 0), DriftSamples.Sawtooth(1500, 0.41, 10, 0.4),
            0.05984153892151433 // js asymptotic_a vs asymptotic_b
        },
    };

    [Theory]
    [MemberData(nameof(ScipyReference))]
    public void Distance_NumericSamples_MatchesScipy(double[] reference, double[] current, double expected)
    {
        Assert.Equal(expected, JensenShannon.Distance(reference, current), 1e-6);
    }

    [Fact]
    public void Distance_CategoryMissingOnEachSide_MatchesScipy()
    {
        // scipy 1.10.1: jensenshannon([50, 30, 20, 0], [40, 35, 0, 25]) (js_categorical in reference_values.py)
        Assert.Equal(0.3996299868441287, JensenShannon.Distance(DriftSamples.AcceleratorsBefore, DriftSamples.AcceleratorsAfter), 1e-6);
    }

    [Fact]
    public void Distance_DisjointCategories_IsSqrtLn2()
    {
        // The largest JS distance in natural log: each side's mass is where the other has none.
        var distance = JensenShannon.Distance(new Dictionary<string, long> { ["cpu"] = 7 }, new Dictionary<string, long> { ["gpu"] = 3 });

        Assert.Equal(Math.Sqrt(Math.Log(2)), distance, 1e-12);
    }

    [Fact]
    public void Distance_IdenticalNumericSamples_IsZero()
    {
        Assert.Equal(0, JensenShannon.Distance(DriftSamples.LatencyBefore, DriftSamples.LatencyBefore));
    }

    [Fact]
    public void Distance_IdenticalCategoricalSamples_IsZero()
    {
        Assert.Equal(0, JensenShannon.Distance(DriftSamples.AcceleratorsBefore, DriftSamples.AcceleratorsBefore));
    }

    [Theory]
    [MemberData(nameof(DriftInvalidInputs.Numeric), MemberType = typeof(DriftInvalidInputs))]
    public void Distance_InvalidNumericSample_Throws(double[] reference, double[] current)
    {
        Assert.Throws<ArgumentException>(() => JensenShannon.Distance(reference, current));
    }

    [Theory]
    [MemberData(nameof(DriftInvalidInputs.Categorical), MemberType = typeof(DriftInvalidInputs))]
    public void Distance_InvalidCategoricalSample_Throws(Dictionary<string, long> reference, Dictionary<string, long> current)
    {
        Assert.Throws<ArgumentException>(() => JensenShannon.Distance(reference, current));
    }
}
