using ControlPlane.Core.Budgets;

namespace ControlPlane.Core.Tests.Budgets;

public class BudgetPeriodTests
{
    private static readonly DateTimeOffset November = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("monthly", "2026-11-30T23:59:59Z", null)]
    [InlineData("monthly", "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z")]
    [InlineData("monthly", "2027-02-14T08:00:00Z", "2027-02-01T00:00:00Z")]   // months without a check still land in the current one
    [InlineData("daily", "2026-11-01T23:00:00Z", null)]
    [InlineData("daily", "2026-11-02T00:30:00Z", "2026-11-02T00:00:00Z")]
    [InlineData("weekly", "2026-11-02T00:00:00Z", "2026-11-02T00:00:00Z")]    // 2 November 2026 is a Monday
    public void NewPeriodStart_AfterThePeriodEnds_IsTheCurrentPeriodsStart(string period, string now, string? expected)
    {
        var start = BudgetPeriod.NewPeriodStart(period, BudgetPeriod.StartOf(period, November), DateTimeOffset.Parse(now));

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected), start);
    }

    [Fact]
    public void NewPeriodStart_ClockBeforeThePeriod_KeepsThePeriod()
    {
        Assert.Null(BudgetPeriod.NewPeriodStart("monthly", November, November.AddHours(-1)));
    }

    [Theory]
    [InlineData("monthly", "2026-11-30T22:00:00Z", 2)]
    [InlineData("daily", "2026-11-21T06:00:00Z", 18)]
    [InlineData("weekly", "2026-11-08T23:00:00Z", 1)]   // Sunday night; the week starts Monday
    public void UntilNextStart_IsDueAtTheNextPeriodStart(string period, string now, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), BudgetPeriod.UntilNextStart(period, DateTimeOffset.Parse(now)));
    }

    [Theory]
    [InlineData("monthly", "2026-11-01T00:00:00Z", 720)]    // at the very start: the whole of November
    [InlineData("daily", "2026-11-21T23:59:24Z", 0.01)]     // 36 seconds before midnight: still above 0
    public void HoursLeft_AnyMoment_IsTheTimeToThePeriodEnd(string period, string now, double hours)
    {
        Assert.Equal(hours, BudgetPeriod.HoursLeft(period, DateTimeOffset.Parse(now)), 9);
    }
}
