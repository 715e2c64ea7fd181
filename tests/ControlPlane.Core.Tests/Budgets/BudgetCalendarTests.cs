using ControlPlane.Core.Budgets;
using ControlPlane.Core.FinOps;
using ControlPlane.Testing;

namespace ControlPlane.Core.Tests.Budgets;

/// <summary>Budget arithmetic on the days that break date code: the outcome may depend on the date only as the rules say.</summary>
public class BudgetCalendarTests
{
    private static readonly string[] Periods = ["daily", "weekly", "monthly"];

    public static IEnumerable<object[]> PeriodsOnEachDate() =>
        from date in CalendarDates.Dates
        from period in Periods
        select new[] { date[0], period };

    [Theory]
    [MemberData(nameof(PeriodsOnEachDate))]
    public void Period_OnEachDate_ContainsNowAndEndsWhereTheNextBegins(string date, string period)
    {
        var now = CalendarDates.Parse(date);

        var start = BudgetPeriod.StartOf(period, now);
        var end = BudgetPeriod.EndOf(period, now);

        Assert.True(start <= now && now < end, $"{start:O} <= {now:O} < {end:O}");
        Assert.Equal(end, BudgetPeriod.StartOf(period, end));
        Assert.Equal(end - now, BudgetPeriod.UntilNextStart(period, now));
        Assert.Equal(TimeSpan.Zero, start.TimeOfDay);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public void MonthlyPeriod_OnEachDate_HasTheMonthsLength(string date)
    {
        var now = CalendarDates.Parse(date);

        var hours = (BudgetPeriod.EndOf("monthly", now) - BudgetPeriod.StartOf("monthly", now)).TotalHours;

        Assert.Equal(DateTime.DaysInMonth(now.Year, now.Month) * 24, hours);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public void Guard_OnEachDate_ProjectsSpendPlusRateToThePeriodEnd(string date)
    {
        var now = CalendarDates.Parse(date);
        var hoursLeft = (BudgetPeriod.EndOf("monthly", now) - now).TotalHours;
        // A limit that two replicas fit and three do not, whatever is left of the month.
        var limit = 100 + 3.2 * hoursLeft * 2.5;

        var answer = BudgetGuard.Check(new BudgetSpec(limit), 100, 0, now, 1, 3, 3.2);

        Assert.Equal(2, answer.AllowedReplicas);
        Assert.True(answer.OverLimit);
        Assert.True(answer.ProjectedSpend <= limit + 1e-9, answer.Explanation);
    }

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public void Forecast_OnEachDate_NeverBelowSpendToDateAndCountsOnlyThisPeriod(string date)
    {
        var now = CalendarDates.Parse(date);
        var start = BudgetPeriod.StartOf("monthly", now);
        // Ten hours at 2/h ending now, straddling the period's start when the month is young.
        var ledger = HourlySpendLedger.Empty.Accrue(20, now.AddHours(-10), now);

        var forecast = SpendForecaster.Forecast(new BudgetSpec(1_000_000), ledger, now);

        Assert.Equal(ledger.SpendBetween(start, BudgetPeriod.EndOf("monthly", now)), forecast.SpendToDate, 9);
        Assert.True(forecast.ForecastAtPeriodEnd >= forecast.SpendToDate);
        Assert.Equal(start, forecast.PeriodStart);
    }
}
