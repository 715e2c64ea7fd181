using ControlPlane.Core.Budgets;

namespace ControlPlane.Core.Tests.Budgets;

public class BudgetSpecRulesTests
{
    [Fact]
    public void Validate_NoThresholds_IsValidAndDefaultsTo50_80_100()
    {
        var spec = new BudgetSpec(100);

        Assert.Empty(BudgetSpecRules.Validate(spec));
        Assert.Equal([50, 80, 100], spec.ThresholdsOrDefault);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new double[] { 0 })]
    [InlineData(new double[] { -5 })]
    [InlineData(new double[] { 1000.5 })]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })]
    public void Validate_BadThresholds_NamesThresholds(double[] thresholds)
    {
        var errors = BudgetSpecRules.Validate(new BudgetSpec(100, Thresholds: thresholds));

        Assert.Contains(errors, e => e.StartsWith("thresholds", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ThresholdsUpTo1000Percent_AreValid()
    {
        Assert.Empty(BudgetSpecRules.Validate(new BudgetSpec(100, Thresholds: [25, 90, 1000])));
    }
}
