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

    /// <summary>Hours from <paramref name="now"/> to the end of its period; always above 0, since a period ends after now.</summary>
    public static double HoursLeft(string period, DateTimeOffset now) => (EndOf(period, now) - now).TotalHours;

    /// <summary>How often a budget checks whether its period ended; spend of a new period starts at most this late at zero.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromHours(1);

    /// <summary>The start of the period <paramref name="now"/> is in, when that is later than <paramref name="periodStart"/>; otherwise null.</summary>
    public static DateTimeOffset? NewPeriodStart(string period, DateTimeOffset periodStart, DateTimeOffset now)
    {
        var start = StartOf(period, now);
        return start > periodStart ? start : null;
    }

    /// <summary>How long until the next period starts: when a budget's first period check is due.</summary>
    public static TimeSpan UntilNextStart(string period, DateTimeOffset now) => EndOf(period, now) - now;
}
