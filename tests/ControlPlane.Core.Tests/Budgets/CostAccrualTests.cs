using ControlPlane.Core.Budgets;

namespace ControlPlane.Core.Tests.Budgets;

public class CostAccrualTests
{
    private static readonly DateTimeOffset December = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    // minutes of [from, until) relative to the period start, cost → the period's share
    [Theory]
    [InlineData(-5, 5, 1.0, 0.5)]     // half before the start
    [InlineData(-1, 9, 1.0, 0.9)]     // one minute of ten before
    [InlineData(0, 10, 1.0, 1.0)]     // all inside
    [InlineData(5, 15, 1.0, 1.0)]
    [InlineData(-15, -5, 1.0, 0.0)]   // all in the last period
    [InlineData(-10, 0, 1.0, 0.0)]    // ends exactly at the start
    [InlineData(0, 0, 2.0, 2.0)]      // an instant at the start is this period's
    [InlineData(-1, -1, 2.0, 0.0)]    // an instant before it is not
    public void Since_CostAcrossAPeriodStart_KeepsOnlyThePeriodsShare(int fromMinutes, int untilMinutes, double cost, double expected)
    {
        var share = CostAccrual.Since(cost, December.AddMinutes(fromMinutes), December.AddMinutes(untilMinutes), December);

        Assert.Equal(expected, share, 9);
    }
}
