using ControlPlane.Core.Drift;

namespace ControlPlane.Core.Tests.Drift;

public class WassersteinTests
{
    // Expected values: scipy 1.10.1, reference_values.py: wasserstein_distance(reference, current), and that divided by
    // numpy.std(reference) (ddof = 0).
    public static TheoryData<double[], double[], double, double> ScipyReference => new()
    {
        { DriftSamples.Baseline, DriftSamples.ShiftedUnequal, 1.366666666666667, 0.6634729831314428 },
        { DriftSamples.LatencyBefore, DriftSamples.LatencyAfter, 2.02, 1.0598017874993981 },
        { DriftSamples.TiedReference, DriftSamples.TiedCurrent, 1.0, 0.9950371902099893 },
        {
            DriftSamples.Sawtooth(1500, 0.37, 10, 0), DriftSamples.Sawtooth(1500, 0.41, 10, 0.4),
            0.37333333333331853, 0.12926173791490553
        },
    };

    [Theory]
    [MemberData(nameof(ScipyReference))]
    public void Distance_NumericSamples_MatchesScipy(double[] reference, double[] current, double expected, double _)
    {
        Assert.Equal(expected, Wasserstein.Distance(reference, current), 1e-6);
    }

    [Theory]
    [MemberData(nameof(ScipyReference))]
    public void Normalized_NumericSamples_MatchesScipyOverReferenceStd(double[] reference, double[] current, double _, double expected)
    {
        Assert.Equal(expected, Wasserstein.Normalized(reference, current), 1e-6);
    }

    [Fact]
    public void Normalized_ConstantReference_IsRawDistance()
    {
        // scipy 1.10.1: wasserstein_distance([0.1] * 7, baseline); 0.1 summed seven times makes numpy.std ~1e-17, not 0.
        Assert.Equal(3.983333333333333, Wasserstein.Normalized(DriftSamples.ConstantReference, DriftSamples.Baseline), 1e-6);
    }

    [Fact]
    public void Distance_SwappedSamples_IsSymmetric()
    {
        Assert.Equal(
            Wasserstein.Distance(DriftSamples.Baseline, DriftSamples.ShiftedUnequal),
            Wasserstein.Distance(DriftSamples.ShiftedUnequal, DriftSamples.Baseline), 1e-12);
    }

    [Fact]
    public void Distance_IdenticalSamples_IsZero()
    {
        Assert.Equal(0, Wasserstein.Distance(DriftSamples.LatencyBefore, DriftSamples.LatencyBefore));
    }

    [Fact]
    public void Normalized_IdenticalSamples_IsZero()
    {
        Assert.Equal(0, Wasserstein.Normalized(DriftSamples.LatencyBefore, DriftSamples.LatencyBefore));
    }

    [Theory]
    [MemberData(nameof(DriftInvalidInputs.Numeric), MemberType = typeof(DriftInvalidInputs))]
    public void Distance_InvalidSample_Throws(double[] reference, double[] current)
    {
        Assert.Throws<ArgumentException>(() => Wasserstein.Distance(reference, current));
    }

    [Theory]
    [MemberData(nameof(DriftInvalidInputs.Numeric), MemberType = typeof(DriftInvalidInputs))]
    public void Normalized_InvalidSample_Throws(double[] reference, double[] current)
    {
        Assert.Throws<ArgumentException>(() => Wasserstein.Normalized(reference, current));
    }
}
