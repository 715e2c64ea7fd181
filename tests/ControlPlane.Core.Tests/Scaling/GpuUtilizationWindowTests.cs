using ControlPlane.Core.Scaling;
using ControlPlane.Core.Signals;

namespace ControlPlane.Core.Tests.Scaling;

public class GpuUtilizationWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_SamplesOlderThanMaxAge_AreDropped()
    {
        var window = GpuUtilizationWindow.Empty.Add(
            [new GpuSample("a/b", Now - GpuUtilizationWindow.MaxAge - TimeSpan.FromSeconds(1), 50), new GpuSample("a/b", Now, 60)], Now);

        Assert.Single(window.Points);
    }

    [Fact]
    public void Add_MoreThanMaxPoints_KeepsNewest()
    {
        var samples = Enumerable.Range(0, GpuUtilizationWindow.MaxPoints + 10)
            .Select(i => new GpuSample("a/b", Now.AddMilliseconds(-i), i));

        var window = GpuUtilizationWindow.Empty.Add(samples, Now);

        Assert.Equal(GpuUtilizationWindow.MaxPoints, window.Points.Count);
        Assert.Equal(0, window.Points[^1].Utilization);
    }

    [Fact]
    public void Add_OutOfOrderSamples_AreSortedByTime()
    {
        var window = GpuUtilizationWindow.Empty.Add([new GpuSample("a/b", Now, 2), new GpuSample("a/b", Now.AddSeconds(-1), 1)], Now);

        Assert.Equal([1.0, 2.0], window.Points.Select(p => p.Utilization));
    }

    [Fact]
    public void MeanOver_EmptySpan_IsNull()
    {
        Assert.Null(GpuUtilizationWindow.Empty.MeanOver(TimeSpan.FromSeconds(30), Now));
    }
}
