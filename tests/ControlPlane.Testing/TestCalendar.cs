using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.Testing;

/// <summary>
/// The date a shared test plane decides by: it forwards to the <see cref="FakeTimeProvider"/> of the test running now,
/// so each test (or theory case) starts its own clock at the date it names, earlier or later than the last one.
/// Tests sharing a plane run one at a time (one xUnit collection), which is what makes the switch safe.
/// </summary>
public sealed class TestCalendar : TimeProvider
{
    /// <summary>Where a test that names no date starts: the middle of a month, a day and a year.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _current = new(DefaultStart);

    /// <summary>The clock of the test running now.</summary>
    public FakeTimeProvider Current => Volatile.Read(ref _current);

    /// <summary>Starts a new clock at <paramref name="at"/> for the test about to run, and returns it to advance.</summary>
    public FakeTimeProvider Start(DateTimeOffset at)
    {
        var clock = new FakeTimeProvider(at);
        Volatile.Write(ref _current, clock);
        return clock;
    }

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

    public override long GetTimestamp() => Current.GetTimestamp();

    public override long TimestampFrequency => Current.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}
