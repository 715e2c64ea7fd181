using ControlPlane.Core.Budgets;

namespace ControlPlane.Core.Tests.Budgets;

public class BudgetGuardTests
{
    // 10 days left in a 30-day November: 240 hours.
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    // limit, spend, others' rate per hour, current, desired, cost per replica-hour, enforcement → allowed replicas, over limit
    [Theory]
    [InlineData(10_000, 1_000, 10, 2, 4, 3.2, "deny", 4, false)]   // 1000 + (10 + 12.8) × 240 = 6472 ≤ 10000
    [InlineData(10_000, 1_000, 10, 2, 10, 3.2, "deny", 8, true)]   // headroom (9000/240 − 10) = 27.5/h → 8 replicas
    [InlineData(10_000, 1_000, 10, 2, 10, 3.2, "warn", 10, true)]  // warn lets it through
    [InlineData(5_000, 4_900, 0, 3, 6, 3.2, "deny", 3, true)]      // 100/240 per hour buys nothing: never below current
    [InlineData(5_000, 6_000, 0, 1, 2, 3.2, "deny", 1, true)]      // already over: no scale-up
    [InlineData(5_000, 0, 0, 1, 50, 0, "deny", 50, false)]          // free GPUs never exceed
    public void Check_Projection_CapsUnderDeny(double limit, double spend, double others, int current, int desired, double cost,
        string enforcement, int allowed, bool over)
    {
        var answer = BudgetGuard.Check(new BudgetSpec(limit, "monthly", "USD", enforcement), spend, others, Now, current, desired, cost);

        Assert.Equal(allowed, answer.AllowedReplicas);
        Assert.Equal(over, answer.OverLimit);
    }

    [Fact]
    public void Check_WithinLimit_ReportsTheProjection()
    {
        var answer = BudgetGuard.Check(new BudgetSpec(10_000), 1_000, 10, Now, 2, 4, 3.2);

        Assert.Equal(6472, answer.ProjectedSpend, 6);
        Assert.Contains("projected 6472 of 10000 USD", answer.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_RatesHeldNow_IsSpendPlusTheirSumTimesHoursLeft()
    {
        var projection = BudgetGuard.Project(new BudgetSpec(10_000), 1_000, new Dictionary<string, double> { ["a/x"] = 10, ["a/y"] = 12.8 }, Now);

        Assert.Equal(22.8, projection.RatePerHour, 9);
        Assert.Equal(240, projection.HoursRemaining, 9);
        Assert.Equal(1_000 + 22.8 * 240, projection.ProjectedAtPeriodEnd, 6);
        Assert.False(projection.ExceedsLimit);
    }

    [Fact]
    public void Project_SameRatesAsACheck_GivesTheCheckedProjection()
    {
        var check = BudgetGuard.Check(new BudgetSpec(10_000), 1_000, 10, Now, 2, 4, 3.2);

        var projection = BudgetGuard.Project(new BudgetSpec(10_000), 1_000, new Dictionary<string, double> { ["a/x"] = 10, ["a/y"] = 4 * 3.2 }, Now);

        Assert.Equal(check.ProjectedSpend, projection.ProjectedAtPeriodEnd, 9);
    }

    [Fact]
    public void Project_NoRatesHeld_StaysAtSpend()
    {
        var projection = BudgetGuard.Project(new BudgetSpec(500), 600, new Dictionary<string, double>(), Now);

        Assert.Equal(0, projection.RatePerHour);
        Assert.Equal(600, projection.ProjectedAtPeriodEnd);
        Assert.True(projection.ExceedsLimit);
    }

    [Fact]
    public void EndOf_Periods_AreNextStarts()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), BudgetPeriod.EndOf("monthly", Now));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), BudgetPeriod.EndOf("weekly", Now));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), BudgetPeriod.EndOf("daily", Now));
    }
}
