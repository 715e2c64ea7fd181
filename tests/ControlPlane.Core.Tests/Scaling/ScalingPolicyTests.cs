using ControlPlane.Core.Scaling;
using ControlPlane.Core.Signals;
using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.Core.Tests.Scaling;

public class ScalingPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private GpuUtilizationWindow WindowAt(params double[] utilizations) =>
        GpuUtilizationWindow.Empty.Add(
            utilizations.Select((u, i) => new GpuSample("risk/fraud-mm", _time.GetUtcNow().AddSeconds(-i), u)),
            _time.GetUtcNow());

    // current, observed, min, max, expected: HPA's desired = ceil(current × observed / target), target 70.
    [Theory]
    [InlineData(2, 105.0, 1, 10, 3)]   // ratio 1.5 → ceil(3.0)
    [InlineData(2, 100.0, 1, 10, 3)]   // ratio 1.43 → ceil(2.86)
    [InlineData(4, 140.0 / 2, 1, 10, 4)] // exactly on target
    [InlineData(4, 76.0, 1, 10, 4)]    // ratio 1.086: inside the 10% tolerance
    [InlineData(4, 64.0, 1, 10, 4)]    // ratio 0.914: inside the tolerance on the low side
    [InlineData(4, 78.0, 1, 10, 5)]    // ratio 1.114: just outside → ceil(4.46)
    [InlineData(3, 100.0, 1, 4, 4)]    // clamped to max
    [InlineData(8, 100.0, 1, 8, 8)]    // already at max
    [InlineData(1, 100.0, 1, 1, 1)]    // min = max
    public void Decide_ScaleUpCases_FollowHpaFormula(int current, double observed, int min, int max, int expected)
    {
        var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(min, max), current, WindowAt(observed), [], _time.GetUtcNow()));

        Assert.Equal(expected, decision.DesiredReplicas);
        Assert.Equal(observed, decision.ObservedUtilization!.Value, 6);
    }

    [Fact]
    public void Decide_NoSamplesInWindow_KeepsReplicas()
    {
        var stale = WindowAt(100);
        _time.Advance(TimeSpan.FromSeconds(31));

        var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(), 3, stale, [], _time.GetUtcNow()));

        Assert.False(decision.Changes);
        Assert.Null(decision.ObservedUtilization);
        Assert.Contains("no GPU samples", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LowLoadWithoutHistory_ScalesDownAtOnceButNotBelowMin()
    {
        var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(min: 2), 6, WindowAt(7), [], _time.GetUtcNow()));

        Assert.Equal(2, decision.DesiredReplicas);
    }

    [Fact]
    public void Decide_LowLoadAfterRecentHighRecommendation_HoldsWithinStabilizationWindow()
    {
        var history = new List<ScaleRecommendation> { new(_time.GetUtcNow().AddSeconds(-100), 6) };

        var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(), 6, WindowAt(20), history, _time.GetUtcNow()));

        Assert.Equal(6, decision.DesiredReplicas);
        Assert.Contains("stabilization", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LowLoadAfterStabilizationWindowPassed_ScalesDown()
    {
        var history = new List<ScaleRecommendation> { new(_time.GetUtcNow().AddSeconds(-301), 6) };

        var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(), 6, WindowAt(20), history, _time.GetUtcNow()));

        Assert.Equal(2, decision.DesiredReplicas); // ceil(6 × 20 / 70) = 2
        Assert.DoesNotContain(decision.History, r => r.At < _time.GetUtcNow().AddSeconds(-300));
    }

    [Fact]
    public void Decide_ZeroStabilization_ScalesDownAtOnce()
    {
        var history = new List<ScaleRecommendation> { new(_time.GetUtcNow().AddSeconds(-1), 6) };

        var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(stabilizationSeconds: 0), 6, WindowAt(20), history, _time.GetUtcNow()));

        Assert.Equal(2, decision.DesiredReplicas);
    }

    [Fact]
    public void Decide_HighLoadDuringStabilization_ScalesUpAtOnce()
    {
        var history = new List<ScaleRecommendation> { new(_time.GetUtcNow().AddSeconds(-10), 2) };

        var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(), 2, WindowAt(140), history, _time.GetUtcNow()));

        Assert.Equal(4, decision.DesiredReplicas);
    }

    [Fact]
    public void Decide_OscillatingLoad_ScalesUpOnceAndNeverFlapsDown()
    {
        // Demand (in fully busy GPUs) alternates every 15 s between 1.96 and 0.28 for 4 minutes (< the 300 s window);
        // utilization is demand spread over the replicas running, as a real fleet would report it.
        var replicas = 2;
        var history = (IReadOnlyList<ScaleRecommendation>)[];
        var window = GpuUtilizationWindow.Empty;
        var changes = new List<int>();
        for (var step = 0; step < 16; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            var demand = step % 2 == 0 ? 1.96 : 0.28;
            var load = Math.Min(100, demand / replicas * 100);
            window = window.Add([new GpuSample("risk/fraud-mm", _time.GetUtcNow(), load)], _time.GetUtcNow());
            var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(windowSeconds: 10), replicas, window, history, _time.GetUtcNow()));
            if (decision.Changes) changes.Add(decision.DesiredReplicas);
            replicas = decision.DesiredReplicas;
            history = decision.History;
        }

        Assert.Equal([3], changes); // ceil(2 × 98 / 70) = 3, then held
    }

    [Fact]
    public void Decide_WindowMean_AveragesOnlyRecentSamples()
    {
        var old = GpuUtilizationWindow.Empty.Add([new GpuSample("risk/fraud-mm", _time.GetUtcNow(), 10)], _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(40));
        var window = old.Add([new GpuSample("risk/fraud-mm", _time.GetUtcNow(), 140), new GpuSample("risk/fraud-mm", _time.GetUtcNow().AddSeconds(-5), 140)], _time.GetUtcNow());

        var decision = ScalingPolicy.Decide(new ScalingInput(Fixtures.Spec(), 1, window, [], _time.GetUtcNow()));

        Assert.Equal(140, decision.ObservedUtilization!.Value, 6);
        Assert.Equal(2, decision.DesiredReplicas);
    }
}

public class LoadScalingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static ScalingDecision Decide(int current, double utilization, double? rps, double? capacity)
    {
        var window = GpuUtilizationWindow.Empty.Add([new GpuSample("risk/fraud-mm", Now, utilization, RequestsPerSecond: rps)], Now);
        var spec = Fixtures.Spec() with { RequestsPerSecondPerReplica = capacity };
        return ScalingPolicy.Decide(new ScalingInput(spec, current, window, [], Now));
    }

    [Theory]
    [InlineData(2, 70, 150.0, 100.0, 3)]   // GPU on target, load 1.5× capacity → ceil(2 × 1.5)
    [InlineData(2, 98, 50.0, 100.0, 3)]    // GPU drives: ceil(2 × 1.4) = 3 > load's ceil(2 × 0.5) = 1
    [InlineData(2, 70, 150.0, null, 2)]    // no capacity given: load is ignored
    [InlineData(2, 70, null, 100.0, 2)]  // no load reported: GPU alone
    public void Decide_LoadAndGpu_LargerProposalWins(int current, double utilization, double? rps, double? capacity, int expected)
    {
        Assert.Equal(expected, Decide(current, utilization, rps, capacity).DesiredReplicas);
    }

    [Fact]
    public void Decide_Inputs_RecordWindowStatisticsAndThresholds()
    {
        var decision = Decide(2, 70, 150, 100);

        Assert.Equal("70", decision.Inputs["observedGpuUtilization"]);
        Assert.Equal("1", decision.Inputs["windowSamples"]);
        Assert.Equal("150", decision.Inputs["observedRequestsPerSecondPerReplica"]);
        Assert.Equal("3", decision.Inputs["loadProposal"]);
        Assert.Equal("0.1", decision.Inputs["tolerance"]);
    }
}
