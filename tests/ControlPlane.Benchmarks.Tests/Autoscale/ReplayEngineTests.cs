using ControlPlane.Benchmarks.Autoscale;

namespace ControlPlane.Benchmarks.Tests.Autoscale;

public class ReplayEngineTests
{
    [Fact]
    public void Replay_StaticPolicy_PaysPeakReplicasForEveryHour()
    {
        var trace = Replays.Trace([.. Enumerable.Repeat(7.0, 119), 70]); // two hours, peak 70 at the end
        var policy = StaticAutoscaler.ForPeak(trace, 70);

        var result = ReplayEngine.Replay(trace, policy, 2, Replays.Start);

        Assert.Equal(10, policy.InitialReplicas); // ceil(70 / (10 × 0.7))
        Assert.Equal(10 * 2.0, result.GpuHours, 9);
        Assert.Equal(0, result.Actions);
    }

    [Fact]
    public void Replay_DemandAboveReadyCapacity_CountsViolationMinutes()
    {
        // 2 replicas serve 20 units: steps with 25 and 30 are violations, exactly 20 is not.
        var trace = Replays.Trace(10, 25, 20, 30, 5);

        var result = ReplayEngine.Replay(trace, new StaticAutoscaler(2), 0, Replays.Start);

        Assert.Equal(2.0, result.SloViolationMinutes, 9);
    }

    [Fact]
    public void Replay_ScaleUp_ServesOnlyAfterStartupDelayButIsPaidAtOnce()
    {
        // At the end of step 0 HPA asks for ceil(1 × 300 / 70) = 5; with 2 steps of start-up they serve from step 3.
        var trace = Replays.Trace(30, 30, 30, 30);
        var hpa = new HpaAutoscaler(new AutoscaleSettings().HpaSpec(10), 1);

        var result = ReplayEngine.Replay(trace, hpa, 2, Replays.Start);

        Assert.Equal(3.0, result.SloViolationMinutes, 9);
        Assert.Equal([1, 5, 5, 5], result.ProvisionedPerStep);
        Assert.Equal((1 + 5 + 5 + 5) / 60.0, result.GpuHours, 9);
        Assert.Equal(1, result.Actions);
    }
}
