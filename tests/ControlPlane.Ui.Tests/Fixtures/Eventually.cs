using System.Diagnostics;

namespace ControlPlane.Ui.Tests.Fixtures;

/// <summary>Polls the API until a condition holds or a deadline passes; the browser side waits with Playwright's expectations.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollingInterval = TimeSpan.FromMilliseconds(25);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var last = await probe();
            if (done(last)) return last;
            if (clock.Elapsed > timeout) Assert.Fail($"{what} did not hold within {timeout.TotalSeconds:0.#} s.");
            await Task.Delay(PollingInterval); // polling interval, not a wait for a specific event
        }
    }
}
