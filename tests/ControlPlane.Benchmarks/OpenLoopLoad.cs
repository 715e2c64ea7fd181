using System.Diagnostics;

namespace ControlPlane.Benchmarks;

/// <summary>
/// Sends requests at a fixed rate whatever the answers' pace (open loop), and measures each from the moment it was due,
/// so a plane that falls behind shows in the latencies instead of silently slowing the load down.
/// </summary>
public static class OpenLoopLoad
{
    public static async Task<LatencySummary> Run(int perSecond, TimeSpan duration, Func<int, Task> send)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var inFlight = new List<Task>(total);
        var started = Stopwatch.GetTimestamp();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond) + 1);
            for (; sent < due; sent++)
            {
                var index = sent;
                var dueAt = started + (long)(index / (double)perSecond * Stopwatch.Frequency);
                inFlight.Add(Measure(index, dueAt));
            }
            await Task.Delay(1); // pacing the load, not waiting for a condition
        }
        await Task.WhenAll(inFlight);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return LatencySummary.Of([.. latencies]) with { PerSecond = total / seconds };

        async Task Measure(int index, long dueAt)
        {
            await send(index);
            latencies[index] = Stopwatch.GetElapsedTime(dueAt).TotalMilliseconds;
        }
    }
}
