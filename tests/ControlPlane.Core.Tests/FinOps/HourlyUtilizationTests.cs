using ControlPlane.Core.FinOps;

namespace ControlPlane.Core.Tests.FinOps;

public class HourlyUtilizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Add_ReadingsInTwoHours_AveragesEachHour()
    {
        var log = HourlyUtilization.Empty.Add([(Now.AddHours(-1), 20), (Now.AddHours(-1).AddMinutes(10), 40), (Now, 90)], Now);

        var series = log.ToSeries(Now.AddHours(-2), Now.AddMinutes(30)); // hours 10, 11 and 12

        Assert.True(double.IsNaN(series.Values[0]));
        Assert.Equal([30, 90], series.Values.Skip(1));
    }

    [Fact]
    public void Add_ReadingsOlderThanAWeekOrInTheFuture_AreDropped()
    {
        var log = HourlyUtilization.Empty.Add([(Now.AddDays(-8), 50), (Now.AddHours(2), 50)], Now);

        Assert.Empty(log.Hours);
    }

    [Fact]
    public void Add_AfterAWeek_ForgetsTheOldestHours()
    {
        var log = HourlyUtilization.Empty.Add([(Now, 50)], Now);

        var later = log.Add([(Now.AddDays(7), 10)], Now.AddDays(7));

        Assert.Equal([HourlySeries.HourOf(Now.AddDays(7))], later.Hours.Select(h => h.HourStart));
    }

    [Fact]
    public void Summarize_DayOfLowLoad_ReportsHoursObservedAndP95()
    {
        var readings = Enumerable.Range(0, 30).Select(i => (Now.AddHours(-i), 10.0));

        var summary = HourlyUtilization.Empty.Add(readings, Now).Summarize(Now);

        Assert.Equal(30, summary.HoursObserved);
        Assert.Equal(10, summary.P95Utilization, 9);
    }
}
