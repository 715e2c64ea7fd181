using ControlPlane.Core.Signals;

namespace ControlPlane.Core.Tests.Signals;

public class DriftSampleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DriftSample Computed = new("risk/fraud-mm", "1.5.0", Now, "data-drift", "psi", "amount", 0.12);
    private static readonly DriftSample Raw = new("risk/fraud-mm", "1.5.0", Now, Feature: "amount", Values: [1, 2, 3]);

    public static TheoryData<DriftSample, string> Bad() => new()
    {
        { Computed with { Model = "risk" }, "<namespace>/<name>" },
        { Computed with { Version = "" }, "version" },
        { Computed with { Kind = "latency" }, "kind must be one of" },
        { Computed with { Metric = "auc" }, "metric must be one of" },
        { Computed with { Kind = "bias" }, "of kind 'data-drift', not 'bias'" },
        { Computed with { Value = null }, "value must be a finite number" },
        { Computed with { Value = double.NaN }, "value must be a finite number" },
        { Computed with { Value = -0.1 }, "psi must be between" },
        { Computed with { Metric = "ks", Value = 1.5 }, "ks must be between" },
        { Computed with { Kind = "bias", Metric = "demographic-parity-difference", Value = -1.5 }, "between -1 and 1" },
        { Raw with { Values = [] }, "values is empty" },
        { Raw with { Values = [1, double.PositiveInfinity] }, "not a finite number" },
        { Raw with { Feature = null }, "feature" },
        { Raw with { Kind = "data-drift" }, "not kind, metric or value" },
        { Raw with { Values = null, Counts = new() { ["a"] = -2 } }, "negative" },
        { Raw with { Counts = new() { ["a"] = 2 } }, "both values and counts" },
        { Computed with { Timestamp = Now.AddHours(1) }, "future" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Check_BadSample_SaysWhy(DriftSample sample, string expected)
    {
        Assert.Contains(expected, DriftSampleRules.Check(sample, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GoodSamples_AreAccepted()
    {
        Assert.Null(DriftSampleRules.Check(Computed, Now));
        Assert.Null(DriftSampleRules.Check(Raw, Now));
        Assert.Null(DriftSampleRules.Check(Raw with { Values = null, Counts = new() { ["de"] = 3, ["fr"] = 0 } }, Now));
        Assert.Null(DriftSampleRules.Check(Computed with { Kind = "bias", Metric = "equal-opportunity-difference", Value = -0.05 }, Now));
    }
}
