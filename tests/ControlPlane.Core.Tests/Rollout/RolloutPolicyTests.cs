using ControlPlane.Core.Rollout;
using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.Core.Tests.Rollout;

public class RolloutPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private static readonly RolloutSettings Settings = RolloutSettings.For(Fixtures.Spec());

    private RolloutProgress Start() => new(
        new Release("1.5.0", "registry.example.com/risk/fraud-mm:1.5.0", "AR-2", _time.GetUtcNow()),
        new Release("1.4.2", "registry.example.com/risk/fraud-mm:1.4.2", "AR-1", _time.GetUtcNow()),
        _time.GetUtcNow());

    private IntervalAnalysis Interval(params (string Metric, double Value)[] values)
    {
        _time.Advance(Settings.Interval);
        return RolloutAnalysis.Evaluate(values.Select(v => new QualityObservation(v.Metric, "amount", v.Value, _time.GetUtcNow())).ToList(), Settings.Bounds);
    }

    private static (List<RolloutAction> Actions, RolloutProgress Last) Run(RolloutProgress progress, IEnumerable<IntervalAnalysis> intervals)
    {
        var actions = new List<RolloutAction>();
        foreach (var interval in intervals)
        {
            var step = RolloutPolicy.Next(progress, interval, Settings);
            actions.Add(step.Action);
            progress = step.Progress;
            if (step.Action != RolloutAction.Continue) break;
        }
        return (actions, progress);
    }

    // Each letter is one interval: c = clean (PSI 0.05), b = breach (PSI 0.35), x = critical (bias 0.3), n = no data.
    [Theory]
    [InlineData("ccc", "Continue,Continue,Promote")]
    [InlineData("cc", "Continue,Continue")]
    [InlineData("bbb", "Continue,Continue,Rollback")]
    [InlineData("bbcbb", "Continue,Continue,Continue,Continue,Continue")] // a clean interval resets the breach count
    [InlineData("ccbccc", "Continue,Continue,Continue,Continue,Continue,Promote")] // a breach resets the clean count
    [InlineData("x", "Rollback")]
    [InlineData("ccx", "Continue,Continue,Rollback")]
    [InlineData("nnnnn", "Continue,Continue,Continue,Continue,Continue")] // silence never promotes
    [InlineData("cncnc", "Continue,Continue,Continue,Continue,Promote")] // no-data intervals count as neither
    public void Next_IntervalSequence_DecidesAsSpecified(string intervals, string expected)
    {
        var analyses = intervals.Select(c => c switch
        {
            'c' => Interval(("psi", 0.05)),
            'b' => Interval(("psi", 0.35)),
            'x' => Interval(("demographic-parity-difference", -0.3)),
            _ => Interval(),
        }).ToList();

        var (actions, _) = Run(Start(), analyses);

        Assert.Equal(expected, string.Join(",", actions));
    }

    [Fact]
    public void Next_SingleOutlierAmongCleanValues_IsNotABreach()
    {
        var analysis = Interval(("psi", 0.04), ("psi", 0.05), ("psi", 0.9), ("psi", 0.06), ("psi", 0.05));

        Assert.Equal(Verdicts.Clean, analysis.Verdict);
        Assert.Equal(0.05, analysis.Metrics[0].Median!.Value, 9);
    }

    [Fact]
    public void Next_Rollback_ReasonCarriesTheMetricValues()
    {
        var (_, _) = Run(Start(), [Interval(("psi", 0.31))]);
        var step = RolloutPolicy.Next(Start() with { BreachedIntervals = 2 }, Interval(("psi", 0.31)), Settings);

        Assert.Equal(RolloutAction.Rollback, step.Action);
        Assert.Contains("psi[amount]=0.31 (max 0.2) breach", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PsiBetweenWatchAndAct_IsWatchButClean()
    {
        var analysis = Interval(("psi", 0.15));

        Assert.Equal(Verdicts.Clean, analysis.Verdict);
        Assert.Equal(Verdicts.Watch, analysis.Metrics[0].State);
    }

    [Fact]
    public void Evaluate_KsPValueBelowBound_IsBreach()
    {
        Assert.Equal(Verdicts.Breach, Interval(("ks", 0.01)).Verdict);
        Assert.Equal(Verdicts.Clean, Interval(("ks", 0.2)).Verdict);
    }

    [Fact]
    public void Evaluate_MetricWithoutBound_IsUnboundedAndClean()
    {
        var analysis = Interval(("wasserstein", 5));

        Assert.Equal(Verdicts.Clean, analysis.Verdict);
        Assert.Equal(Verdicts.Unbounded, analysis.Metrics[0].State);
    }

    [Fact]
    public void Settings_DriftAndExplicitBounds_OverrideDefaultsPerMetric()
    {
        var spec = Fixtures.Spec() with
        {
            Drift = new ControlPlane.Core.Models.DriftSpec("psi", 0.3, 5),
            Rollout = new RolloutSpec(10, 2, Bounds: [new QualityBound("accuracy", Min: 0.9)]),
        };

        var settings = RolloutSettings.For(spec);

        Assert.Equal(TimeSpan.FromSeconds(10), settings.Interval);
        Assert.Equal(2, settings.PromoteAfter);
        Assert.Equal(5, settings.ConsecutiveBreaches);
        Assert.Equal(0.3, settings.Bounds.Single(b => b.Metric == "psi").Max);
        Assert.Equal(0.9, settings.Bounds.Single(b => b.Metric == "accuracy").Min);
        Assert.True(settings.Bounds.Single(b => b.Metric == "demographic-parity-difference").Critical);
    }
}

public class RolloutAnalysisFailClosedTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Evaluate_BoundedMetricThatCannotBeComputed_Breaches(double value)
    {
        var analysis = RolloutAnalysis.Evaluate([new QualityObservation("wasserstein", "amount", value, Now)], [new QualityBound("wasserstein", Max: 0.5)]);

        Assert.Equal(Verdicts.Breach, analysis.Verdict);
        Assert.Null(analysis.Metrics[0].Median);
        Assert.Contains("not computable", analysis.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CriticalMetricThatCannotBeComputed_IsCritical()
    {
        var analysis = RolloutAnalysis.Evaluate([new QualityObservation("demographic-parity-difference", null, double.NaN, Now)], QualityMetrics.DefaultBounds);

        Assert.Equal(Verdicts.Critical, analysis.Verdict);
    }
}
