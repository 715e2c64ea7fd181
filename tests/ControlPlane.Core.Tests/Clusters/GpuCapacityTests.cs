using ControlPlane.Core.Budgets;
using ControlPlane.Core.Clusters;

namespace ControlPlane.Core.Tests.Clusters;

public class GpuCapacityTests
{
    private static readonly ClusterSpec Cluster = new([new GpuPool("nvidia-a100", 8, 3.2, 1.1), new GpuPool("nvidia-l4", 4, 0.8)]);

    [Fact]
    public void FreeFor_OtherModelsHoldGpus_TheirsAreNotFree()
    {
        GpuReservation[] held = [new("risk/a", "nvidia-a100", 5), new("risk/b", "nvidia-a100", 2), new("risk/c", "nvidia-l4", 4)];

        Assert.Equal(1, GpuCapacity.FreeFor(Cluster, held, "risk/x", "nvidia-a100"));
        Assert.Equal(3, GpuCapacity.FreeFor(Cluster, held, "risk/b", "nvidia-a100")); // its own 2 count as free to it
        Assert.Equal(0, GpuCapacity.FreeFor(Cluster, held, "risk/x", "nvidia-h100")); // no such pool
    }

    [Theory]
    [InlineData(5, 2, 7, 3)]
    [InlineData(2, 2, 7, 2)]
    [InlineData(4, 1, 0, 0)]
    public void ReplicasThatFit_LimitedByFreeGpus(int wanted, int gpusPerReplica, int free, int expected)
    {
        Assert.Equal(expected, GpuCapacity.ReplicasThatFit(wanted, gpusPerReplica, free));
    }

    [Fact]
    public void Validate_DuplicateAndNegative_AreReported()
    {
        var errors = ClusterSpecRules.Validate(new ClusterSpec([new GpuPool("nvidia-a100", -1, 1), new GpuPool("nvidia-a100", 1, double.NaN)]));

        Assert.Contains(errors, e => e.Contains("pools[0].capacity", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("pools[1].onDemandPricePerGpuHour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("more than one pool", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyPools_IsRejected()
    {
        Assert.NotEmpty(ClusterSpecRules.Validate(new ClusterSpec([])));
    }

    [Theory]
    [InlineData("daily", "2026-11-26T00:00:00Z")]
    [InlineData("weekly", "2026-11-23T00:00:00Z")] // a Monday
    [InlineData("monthly", "2026-11-01T00:00:00Z")]
    public void BudgetPeriod_StartOf_IsUtcBoundary(string period, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 26, 15, 30, 0, TimeSpan.FromHours(2));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BudgetPeriod.StartOf(period, now));
    }
}
