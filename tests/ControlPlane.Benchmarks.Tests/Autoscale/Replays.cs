using ControlPlane.Benchmarks.Autoscale;

namespace ControlPlane.Benchmarks.Tests.Autoscale;

/// <summary>Hand-made traces and observations the replay tests build on: capacity 10 per replica, 60 s steps.</summary>
internal static class Replays
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DemandTrace Trace(params double[] demand) => new("hand-made", 60, demand, 10, "units", "10 units per replica");

    public static StepObservation At(int step, int replicas, double utilization) =>
        new(step, Start.AddMinutes(step + 1), utilization / 100 * replicas * 10, replicas, utilization);
}
