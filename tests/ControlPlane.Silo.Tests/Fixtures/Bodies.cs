using System.Text.Json.Nodes;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>Valid request bodies of the v1 contract, as JSON the test can still change.</summary>
public static class Bodies
{
    public const string GpuType = "nvidia-a100";

    public static JsonObject Cluster(int capacity = 8, string gpuType = GpuType, double price = 2.5) => new()
    {
        ["pools"] = new JsonArray(new JsonObject
        {
            ["gpuType"] = gpuType,
            ["capacity"] = capacity,
            ["onDemandPricePerGpuHour"] = price,
        }),
    };

    public static JsonObject Budget(double limit = 10_000, string period = "monthly") => new()
    {
        ["limit"] = limit,
        ["period"] = period,
        ["currency"] = "USD",
    };

    public static JsonObject Model(string cluster, string budget, int min = 1, int max = 8, double target = 70, string version = "1.4.2") => new()
    {
        ["image"] = $"registry.example.com/risk/fraud-mm:{version}",
        ["version"] = version,
        ["cluster"] = cluster,
        ["budget"] = budget,
        ["gpuType"] = GpuType,
        ["gpusPerReplica"] = 1,
        ["replicas"] = new JsonObject { ["min"] = min, ["max"] = max },
        ["targetGpuUtilization"] = target,
        ["annotations"] = new JsonObject { ["ai-alignment-report-id"] = "AR-2026-0117" },
        ["workloadClass"] = "online",
    };

    /// <summary>One GPU sample for <paramref name="model"/> (<c>namespace/name</c>), stamped a second ago.</summary>
    public static JsonObject GpuSample(string model, double utilization) => new()
    {
        ["model"] = model,
        ["timestamp"] = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["gpuUtilization"] = utilization,
    };
}
