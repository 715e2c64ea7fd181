using ControlPlane.Core.Drift;

namespace ControlPlane.Core.Tests.Drift;

public class KolmogorovSmirnovTests
{
    // Expected values: scipy 1.10.1, ks_2samp(reference, current, method='exact') (ks() in reference_values.py).
    public static TheoryData<double[], double[], double, double> ScipyExact => new()
    {
        { DriftSamples.Baseline, DriftSamples.ShiftedUnequal, 0.35, 0.39722197307336626 },     // 12 × 10
        { DriftSamples.LatencyBefore, DriftSamples.LatencyAfter, 0.35, 0.17453300569806826 },  // 20 × 20
        { DriftSamples.TiedReference, DriftSamples.TiedCurrent, 0.4, 0.41752365281777043 },    // 10 × 10, ties across samples
        { DriftSamples.Sawtooth(900, 0.37, 10, 0), DriftSamples.Sawtooth(1000, 0.41, 10, 0.4), 0.04666666666666667, 0.24450787348228398 },
        { DriftSamples.Sawtooth(1000, 0.37, 10, 0), DriftSamples.Sawtooth(1000, 0.41, 10, 0.4), 0.041, 0.37012017606173 }, // n·m = threshold
    };

    [Theory]
    [MemberData(nameof(ScipyExact))]
    public void Test_ProductWithinThreshold_MatchesScipyExact(double[] reference, double[] current, double statistic, double pValue)
    {
        var result = KolmogorovSmirnov.Test(reference, current);

        Assert.Equal(statistic, result.Statistic, 1e-12);
        Assert.Equal(pValue, result.PValue, 1e-6);
        Assert.Equal(KolmogorovSmirnovResult.Exact, result.Method);
    }

    // Expected values: scipy 1.10.1, ks_2samp(ramp(40, 0), ramp(40, 25)) and ks_2samp(ramp(40, 0), ramp(50, 25)), method='exact'.
    [Theory]
    [InlineData(40, 40, 0.625, 1.2344976480973208e-07)]
    [InlineData(40, 50, 0.7, 5.913790818576376e-11)]
    public void Test_FarApartSamples_MatchesScipyTinyPValue(int referenceCount, int currentCount, double statistic, double pValue)
    {
        var result = KolmogorovSmirnov.Test(DriftSamples.Ramp(referenceCount, 0), DriftSamples.Ramp(currentCount, 25));

        Assert.Equal(statistic, result.Statistic, 1e-12);
        Assert.Equal(pValue, result.PValue, pValue * 1e-6);
    }

    [Fact]
    public void Test_InterleavedEqualSizes_PValueIsOne()
    {
        // scipy 1.10.1: ks_2samp(ramp(30, 0), ramp(30, 0.5), method='exact') → (1/30, 1.0); SciPy's series rounds to
        // 1 + 2e-16 there and it falls back to 'asymp', where we clamp the exact value instead.
        var result = KolmogorovSmirnov.Test(DriftSamples.Ramp(30, 0), DriftSamples.Ramp(30, 0.5));

        Assert.Equal(1.0 / 30, result.Statistic, 1e-12);
        Assert.Equal(1.0, result.PValue);
        Assert.Equal(KolmogorovSmirnovResult.Exact, result.Method);
    }

    [Fact]
    public void Test_ProductAboveThreshold_MatchesKolmogorovLimit()
    {
        // scipy 1.10.1: d = ks_2samp(a, b, method='asymp').statistic; kstwobign.sf(sqrt(1500·1500/3000)·d)
        var result = KolmogorovSmirnov.Test(DriftSamples.Sawtooth(1500, 0.37, 10, 0), DriftSamples.Sawtooth(1500, 0.41, 10, 0.4));

        Assert.Equal(0.04133333333333333, result.Statistic, 1e-12);
        Assert.Equal(0.1541270704902871, result.PValue, 1e-6);
        Assert.Equal(KolmogorovSmirnovResult.Asymptotic, result.Method);
    }

    [Fact]
    public void Test_SwappedSamples_SameResult()
    {
        var forward = KolmogorovSmirnov.Test(DriftSamples.Sawtooth(900, 0.37, 10, 0), DriftSamples.Sawtooth(1000, 0.41, 10, 0.4));
        var backward = KolmogorovSmirnov.Test(DriftSamples.Sawtooth(1000, 0.41, 10, 0.4), DriftSamples.Sawtooth(900, 0.37, 10, 0));

        Assert.Equal(forward.Statistic, backward.Statistic);
        Assert.Equal(forward.PValue, backward.PValue, 1e-12);
    }

    [Fact]
    public void Test_IdenticalSamples_DIsZeroAndPIsOne()
    {
        var result = KolmogorovSmirnov.Test(DriftSamples.LatencyBefore, DriftSamples.LatencyBefore);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
    }

    [Fact]
    public void Test_IdenticalLargeSamples_DIsZeroAndPIsOne()
    {
        var sample = DriftSamples.Sawtooth(1500, 0.37, 10, 0);

        var result = KolmogorovSmirnov.Test(sample, sample);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(1, result.PValue);
        Assert.Equal(KolmogorovSmirnovResult.Asymptotic, result.Method);
    }

    [Theory]
    [MemberData(nameof(DriftInvalidInputs.Numeric), MemberType = typeof(DriftInvalidInputs))]
    public void Test_InvalidSample_Throws(double[] reference, double[] current)
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Test(reference, current));
    }
}
