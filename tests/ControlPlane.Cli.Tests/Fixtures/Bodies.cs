using System.Text.Json.Nodes;

namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>Request bodies the tests arrange the plane with.</summary>
public static class Bodies
{
    public static JsonObject Cluster() => new()
    {
        ["pools"] = new JsonArray(new JsonObject { ["gpuType"] = "nvidia-a100", ["capacity"] = 16, ["onDemandPricePerGpuHour"] = 3.2 }),
    };

    public static JsonObject Budget() => new() { ["limit"] = 50000, ["period"] = "monthly", ["currency"] = "USD" };

    public static JsonObject Model(string version) => new()
    {
        ["image"] = $"registry.example.com/risk/fraud-mm:{version}",
        ["version"] = version,
        ["cluster"] = CliPlane.Cluster,
        ["budget"] = CliPlane.Budget,
        ["gpuType"] = "nvidia-a100",
        ["gpusPerReplica"] = 1,
        ["replicas"] = new JsonObject { ["min"] = 1, ["max"] = 4 },
        ["targetGpuUtilization"] = 70,
        ["annotations"] = new JsonObject { ["ai-alignment-report-id"] = "AR-2026-0117" },
    };

    /// <summary>One GPU sample of <paramref name="model"/>, stamped now (the plane judges recent samples).</summary>
    public static JsonArray GpuSample(string model, double utilization) =>
    [
        new JsonObject
        {
            ["model"] = model,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["gpuUtilization"] = utilization,
        },
    ];
}
