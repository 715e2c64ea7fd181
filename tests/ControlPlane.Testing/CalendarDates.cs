using System.Globalization;

namespace ControlPlane.Testing;

/// <summary>
/// The days on which date arithmetic goes wrong, as theory data: the first minutes of a month, its middle, its last
/// minutes, a leap day, and the last minute of a year. A test that takes these proves its outcome is not the calendar's.
/// </summary>
public static class CalendarDates
{
    public static readonly IReadOnlyList<DateTimeOffset> All =
    [
        new(2027, 3, 1, 0, 5, 0, TimeSpan.Zero),     // start of a month (after a short February)
        new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero),   // middle of a month
        new(2027, 4, 30, 23, 55, 0, TimeSpan.Zero),  // end of a 30-day month
        new(2028, 2, 29, 12, 0, 0, TimeSpan.Zero),   // leap day
        new(2026, 12, 31, 23, 59, 0, TimeSpan.Zero), // end of a year
    ];

    /// <summary>Theory data (<c>MemberData</c>): one ISO 8601 string per date, so each case shows its date in the test list.</summary>
    public static IEnumerable<object[]> Dates => All.Select(d => new object[] { d.ToString("O", CultureInfo.InvariantCulture) });

    /// <summary>Parses a case back into its date.</summary>
    public static DateTimeOffset Parse(string date) => DateTimeOffset.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>A short label for names that must differ per case, e.g. <c>20280229</c> for a model or budget name.</summary>
    public static string Label(string date) => Parse(date).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
