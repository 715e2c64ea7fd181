using ControlPlane.Core.Drift;

namespace ControlPlane.Core.Tests.Drift;

public class PopulationStabilityIndexTests
{
    // Expected values: numpy 1.24.2, reference_values.py psi_numeric(reference, current) with the default 10 bins.
    public static TheoryData<double[], double[], double> NumpyReference => new()
    {
        { DriftSamples.Baseline, DriftSamples.ShiftedUnequal, 2.7143137979897713 },   // psi baseline vs shifted_unequal
        { DriftSamples.LatencyBefore, DriftSamples.LatencyAfter, 2.6862693194440452 }, // psi latency_before vs latency_after
        {
            DriftSamples.Sawtooth(1500, 0.37, 10, 0), DriftSamples.Sawtooth(1500, 0.41, 10, 0.4),
            0.02884317544920343 // psi asymptotic_a vs asymptotic_b
        },
    };

    [Theory]
    [MemberData(nameof(NumpyReference))]
    public void Compute_NumericSamples_MatchesNumpyReference(double[] reference, double[] current, double expected)
    {
        Assert.Equal(expected, PopulationStabilityIndex.Compute(reference, current), 1e-6);
    }

    [Fact]
    public void Compute_HeavilyTiedReference_CollapsesDuplicateEdges()
    {
        // numpy 1.24.2: psi_numeric(tied_reference, tied_current); edges [0, 0.4, 1, 1.2, 2.1] after numpy.unique
        Assert.Equal(0.7690286020676766, PopulationStabilityIndex.Compute(DriftSamples.TiedReference, DriftSamples.TiedCurrent), 1e-6);
    }

    [Fact]
    public void Compute_FourBins_MatchesNumpyReference()
    {
        // numpy 1.24.2: psi_numeric(baseline, shifted_unequal, 4)
        Assert.Equal(0.5924584552018219, PopulationStabilityIndex.Compute(DriftSamples.Baseline, DriftSamples.ShiftedUnequal, bins: 4), 1e-6);
    }

    [Fact]
    public void Compute_CurrentValuesOnAnEdge_CountInTheUpperBin()
    {
        // The median 2 is the only edge: [0, 1 | 2, 2, 2] has the reference's 2/5 : 3/5 split only if 2 counts above it.
        Assert.Equal(0, PopulationStabilityIndex.Compute([0.0, 1, 2, 3, 4], [0.0, 1, 2, 2, 2], bins: 2), 1e-12);
    }

    [Fact]
    public void Compute_CategoryMissingOnEachSide_MatchesNumpyReference()
    {
        // numpy 1.24.2: psi_categorical(accelerators_before, accelerators_after)
        Assert.Equal(3.5046713888982337, PopulationStabilityIndex.Compute(DriftSamples.AcceleratorsBefore, DriftSamples.AcceleratorsAfter), 1e-6);
    }

    [Fact]
    public void Compute_IdenticalNumericSamples_IsZero()
    {
        Assert.Equal(0, PopulationStabilityIndex.Compute(DriftSamples.LatencyBefore, DriftSamples.LatencyBefore));
    }

    [Fact]
    public void Compute_IdenticalCategoricalSamples_IsZero()
    {
        Assert.Equal(0, PopulationStabilityIndex.Compute(DriftSamples.AcceleratorsBefore, DriftSamples.AcceleratorsBefore));
    }

    [Theory]
    [MemberData(nameof(DriftInvalidInputs.Numeric), MemberType = typeof(DriftInvalidInputs))]
    public void Compute_InvalidNumericSample_Throws(double[] reference, double[] current)
    {
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute(reference, current));
    }

    [Theory]
    [MemberData(nameof(DriftInvalidInputs.Categorical), MemberType = typeof(DriftInvalidInputs))]
    public void Compute_InvalidCategoricalSample_Throws(Dictionary<string, long> reference, Dictionary<string, long> current)
    {
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute(reference, current));
    }

    [Fact]
    public void Compute_FewerThanTwoBins_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationStabilityIndex.Compute(DriftSamples.Baseline, DriftSamples.Baseline, bins: 1));
    }
}
