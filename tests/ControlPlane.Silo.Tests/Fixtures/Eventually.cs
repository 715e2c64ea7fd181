using System.Diagnostics;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>Polls a condition until it holds or a deadline passes; the only place tests wait.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollingInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Polls <paramref name="condition"/> until it returns true; fails the test with <paramref name="what"/> at the deadline.</summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what = "the condition")
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition()) return;
            if (clock.Elapsed > timeout) Assert.Fail($"{what} did not hold within {timeout.TotalSeconds:0.#} s.");
            await Task.Delay(PollingInterval); // polling interval, not a wait for a specific event
        }
    }

    /// <summary>Polls <paramref name="probe"/> until its result satisfies <paramref name="done"/>, and returns that result.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what = "the condition")
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        T last = default!;
        await Until(async () => done(last = await probe()), timeout, what);
        return last;
    }
}
