using ControlPlane.Core.Signals;

namespace ControlPlane.Core.Tests.Signals;

public class GpuSampleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly GpuSample Good = new("risk/fraud-mm", Now, 55, "fraud-mm-7d9f-abcde", 1024, 12.5);

    public static TheoryData<GpuSample, string> BadSamples() => new()
    {
        { Good with { Model = "risk" }, "<namespace>/<name>" },
        { Good with { Model = "risk/Fraud" }, "DNS-1123" },
        { Good with { GpuUtilization = double.NaN }, "gpuUtilization" },
        { Good with { GpuUtilization = 100.5 }, "gpuUtilization" },
        { Good with { GpuUtilization = -1 }, "gpuUtilization" },
        { Good with { GpuMemoryUsedBytes = -5 }, "gpuMemoryUsedBytes" },
        { Good with { RequestsPerSecond = double.PositiveInfinity }, "requestsPerSecond" },
        { Good with { Timestamp = default }, "timestamp" },
        { Good with { Timestamp = Now.AddMinutes(6) }, "future" },
        { Good with { Pod = "Pod_With_Underscore" }, "pod" },
    };

    [Theory]
    [MemberData(nameof(BadSamples))]
    public void Check_BadSample_GivesReason(GpuSample sample, string expected)
    {
        Assert.Contains(expected, GpuSampleRules.Check(sample, Now), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GoodSample_IsAccepted()
    {
        Assert.Null(GpuSampleRules.Check(Good, Now));
        Assert.Null(GpuSampleRules.Check(Good with { Pod = null, GpuMemoryUsedBytes = null, RequestsPerSecond = null }, Now));
    }
}
