using ControlPlane.Benchmarks.Autoscale;

namespace ControlPlane.Benchmarks.Tests.Autoscale;

public class HpaAutoscalerTests
{
    private static HpaAutoscaler Hpa(int initial) => new(new AutoscaleSettings().HpaSpec(10), initial);

    [Fact]
    public void Decide_ThreeReplicasAtNinetyPercent_ScalesToFour()
    {
        Assert.Equal(4, Hpa(3).Decide(Replays.At(0, 3, 90))); // ceil(3 × 90 / 70)
    }

    [Fact]
    public void Decide_WithinTolerance_KeepsReplicas()
    {
        Assert.Equal(3, Hpa(3).Decide(Replays.At(0, 3, 76))); // 76 / 70 = 1.086
    }

    [Fact]
    public void Decide_LoadDrops_HoldsForFiveMinutesThenScalesDown()
    {
        var hpa = Hpa(6);
        Assert.Equal(6, hpa.Decide(Replays.At(0, 6, 70)));

        var held = Enumerable.Range(1, 4).Select(step => hpa.Decide(Replays.At(step, 6, 20))).ToList();
        var after = hpa.Decide(Replays.At(5, 6, 20)); // the 6 recommended at minute 1 has left the 300 s window

        Assert.All(held, replicas => Assert.Equal(6, replicas));
        Assert.Equal(2, after); // ceil(6 × 20 / 70)
    }
}
