namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// Replays a demand series through an autoscaler in simulated time. During each step the ready replicas serve
/// the demand (a violation when it exceeds their capacity) and every provisioned replica, ready or starting,
/// is paid for; at the step's end the autoscaler decides. Added replicas become ready after the start-up delay;
/// removed ones go at once, starting ones first.
/// </summary>
public static class ReplayEngine
{
    public static ReplayResult Replay(DemandTrace trace, IAutoscaler autoscaler, int startupSteps, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(autoscaler);
        ArgumentOutOfRangeException.ThrowIfNegative(startupSteps);
        var step = TimeSpan.FromSeconds(trace.StepSeconds);
        var provisioned = autoscaler.InitialReplicas;
        var ready = provisioned;
        var starting = new List<(int ReadyAt, int Count)>();
        double gpuSeconds = 0, violationMinutes = 0;
        var actions = 0;
        var perStep = new int[trace.Demand.Count];

        for (var i = 0; i < trace.Demand.Count; i++)
        {
            ready += starting.Where(s => s.ReadyAt <= i).Sum(s => s.Count);
            starting.RemoveAll(s => s.ReadyAt <= i);
            var demand = trace.Demand[i];
            perStep[i] = provisioned;
            gpuSeconds += provisioned * trace.StepSeconds;
            // A relative margin keeps float noise in the capacity sum from counting as a violation.
            if (demand > ready * trace.CapacityPerReplica * (1 + 1e-9)) violationMinutes += trace.StepSeconds / 60;

            var utilization = provisioned == 0 ? 0 : demand / (provisioned * trace.CapacityPerReplica) * 100;
            var desired = autoscaler.Decide(new StepObservation(i, start + step * (i + 1), demand, provisioned, utilization));
            if (desired == provisioned) continue;
            actions++;
            if (desired > provisioned) starting.Add((i + 1 + startupSteps, desired - provisioned));
            else ready -= Remove(starting, provisioned - desired);
            provisioned = desired;
        }
        return new ReplayResult(autoscaler.Name, gpuSeconds / 3600, violationMinutes, actions, perStep);
    }

    // Cancels the newest starting replicas first; returns how many ready ones still have to go.
    private static int Remove(List<(int ReadyAt, int Count)> starting, int count)
    {
        while (count > 0 && starting.Count > 0)
        {
            var (readyAt, pending) = starting[^1];
            var cancelled = Math.Min(pending, count);
            count -= cancelled;
            if (cancelled == pending) starting.RemoveAt(starting.Count - 1);
            else starting[^1] = (readyAt, pending - cancelled);
        }
        return count;
    }
}
