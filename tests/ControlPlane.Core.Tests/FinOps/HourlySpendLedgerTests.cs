using ControlPlane.Core.Budgets;
using ControlPlane.Core.FinOps;

namespace ControlPlane.Core.Tests.FinOps;

public class HourlySpendLedgerTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accrue_IntervalAcrossTwoBoundaries_SplitsByTimeInEachHour()
    {
        // 10:30 to 12:15 is 105 minutes: 30 + 60 + 15 of them.
        var ledger = HourlySpendLedger.Empty.Accrue(105, Hour.AddMinutes(30), Hour.AddHours(2).AddMinutes(15));

        Assert.Equal([Hour, Hour.AddHours(1), Hour.AddHours(2)], ledger.Buckets.Select(b => b.HourStart));
        Assert.Equal([30.0, 60.0, 15.0], ledger.Buckets.Select(b => Math.Round(b.Amount, 9)));
    }

    [Fact]
    public void Accrue_SameHourTwice_AddsIntoOneBucket()
    {
        var ledger = HourlySpendLedger.Empty
            .Accrue(1, Hour, Hour.AddMinutes(10))
            .Accrue(2, Hour.AddMinutes(10), Hour.AddMinutes(20));

        Assert.Equal(3, Assert.Single(ledger.Buckets).Amount, 9);
    }

    [Fact]
    public void Accrue_OutOfOrder_KeepsBucketsSorted()
    {
        var ledger = HourlySpendLedger.Empty.Accrue(1, Hour.AddHours(3), Hour.AddHours(4)).Accrue(1, Hour, Hour.AddHours(1));

        Assert.Equal([Hour, Hour.AddHours(3)], ledger.Buckets.Select(b => b.HourStart));
    }

    [Fact]
    public void Accrue_ZeroOrNegativeAmount_ChangesNothing()
    {
        var ledger = HourlySpendLedger.Empty.Accrue(0, Hour, Hour.AddHours(1)).Accrue(-5, Hour, Hour.AddHours(1));

        Assert.Empty(ledger.Buckets);
    }

    [Fact]
    public void Accrue_ZeroLengthInterval_LandsInThatHour()
    {
        var ledger = HourlySpendLedger.Empty.Accrue(4, Hour.AddMinutes(59), Hour.AddMinutes(59));

        Assert.Equal(new SpendBucket(Hour, 4), Assert.Single(ledger.Buckets));
    }

    [Fact]
    public void Accrue_PastTheLookbackCap_DropsOldestHours()
    {
        var ledger = HourlySpendLedger.Empty.Accrue(HourlySpendLedger.MaxHours + 10, Hour, Hour.AddHours(HourlySpendLedger.MaxHours + 10));

        Assert.Equal(HourlySpendLedger.MaxHours, ledger.Buckets.Count);
        Assert.Equal(Hour.AddHours(10), ledger.FirstHour);
        Assert.Equal(HourlySpendLedger.MaxHours, ledger.Buckets.Sum(b => b.Amount), 6);
    }

    [Fact]
    public void Accrue_YearLongGap_StaysBoundedAndKeepsRecentShare()
    {
        var ledger = HourlySpendLedger.Empty.Accrue(8760, Hour.AddDays(-365), Hour);

        Assert.Equal(HourlySpendLedger.MaxHours, ledger.Buckets.Count);
        Assert.All(ledger.Buckets, b => Assert.Equal(1, b.Amount, 6));
    }

    [Fact]
    public void AccrueGpus_UsageAboveRequest_ChargesUsage()
    {
        // Requested 2, used 3 for 30 minutes at 4 per GPU-hour: 3 × 4 × 0.5.
        var ledger = HourlySpendLedger.Empty.AccrueGpus(2, 3, 4, Hour, Hour.AddMinutes(30));

        Assert.Equal(6, Assert.Single(ledger.Buckets).Amount, 9);
    }

    [Fact]
    public void CostAccrual_UsageBelowRequest_ChargesRequest()
    {
        Assert.Equal(8, CostAccrual.Cost(2, 0.5, 4, TimeSpan.FromHours(1)), 9);
    }

    [Fact]
    public void SpendInPeriod_BucketsEitherSideOfMonthStart_CountsOnlyThisMonth()
    {
        var monthStart = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var ledger = HourlySpendLedger.Empty.Accrue(2, monthStart.AddHours(-1), monthStart.AddHours(1));

        Assert.Equal(1, ledger.SpendInPeriod("monthly", monthStart.AddHours(5)), 9);
        Assert.Equal(1, ledger.SpendInPeriod("monthly", monthStart.AddMinutes(-1)), 9);
    }

    [Fact]
    public void Sum_TwoLedgers_AddsHourByHour()
    {
        var a = HourlySpendLedger.Empty.Accrue(1, Hour, Hour.AddHours(2));
        var b = HourlySpendLedger.Empty.Accrue(3, Hour.AddHours(1), Hour.AddHours(2));

        var sum = HourlySpendLedger.Sum([a, b]);

        Assert.Equal([0.5, 3.5], sum.Buckets.Select(x => x.Amount));
    }

    [Fact]
    public void ToSeries_GapBetweenBuckets_IsZero()
    {
        var ledger = HourlySpendLedger.Empty.Accrue(1, Hour, Hour.AddHours(1)).Accrue(1, Hour.AddHours(2), Hour.AddHours(3));

        var series = ledger.ToSeries(Hour, Hour.AddHours(4));

        Assert.Equal([1.0, 0.0, 1.0, 0.0], series.Values);
    }

    [Fact]
    public void Average_HourWithoutReadings_IsNaN()
    {
        var series = HourlySeries.Average([(Hour.AddMinutes(5), 40), (Hour.AddMinutes(50), 60)], Hour, Hour.AddHours(2));

        Assert.Equal(50, series.Values[0]);
        Assert.True(double.IsNaN(series.Values[1]));
    }
}
