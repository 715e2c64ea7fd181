using System.Diagnostics;

namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>Polls a condition until it holds or a deadline passes; the only place tests wait.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollingInterval = TimeSpan.FromMilliseconds(25);

    public static async Task Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"{what} did not hold within {timeout.TotalSeconds:0.#} s.");
            await Task.Delay(PollingInterval); // polling interval, not a wait for a specific event
        }
    }
}
