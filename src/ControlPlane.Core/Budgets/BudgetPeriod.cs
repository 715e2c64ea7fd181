namespace ControlPlane.Core.Budgets;

/// <summary>Where a budget period starts, in UTC; spend resets when a new period begins.</summary>
public static class BudgetPeriod
{
    public static DateTimeOffset StartOf(string period, DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return period switch
        {
            "daily" => day,
            "weekly" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            _ => new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    /// <summary>Where the period that contains <paramref name="now"/> ends (the next one's start).</summary>
    public static DateTimeOffset EndOf(string period, DateTimeOffset now)
    {
        var start = StartOf(period, now);
        return period switch
        {
            "daily" => start.AddDays(1),
            "weekly" => start.AddDays(7),
            _ => start.AddMonths(1),
        };
    }
}
