namespace ControlPlane.Grains;

/// <summary>
/// The calendar the plane decides by: budget periods, signal windows, decision stamps. Kept apart from the
/// <see cref="TimeProvider"/> Orleans runs its own timers on, so a test can pin the date without stopping the runtime.
/// Waiting (retries, backoff) uses the runtime's clock, never this one.
/// </summary>
public sealed class DecisionClock(TimeProvider calendar) : TimeProvider
{
    /// <summary>The wall clock, for a real plane.</summary>
    public static DecisionClock Wall { get; } = new(TimeProvider.System);

    public override DateTimeOffset GetUtcNow() => calendar.GetUtcNow();

    public override long GetTimestamp() => calendar.GetTimestamp();

    public override long TimestampFrequency => calendar.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => calendar.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        calendar.CreateTimer(callback, state, dueTime, period);
}
