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
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture), // samples stamped before a rollout started do not judge it
        ["gpuUtilization"] = utilization,
    };

    /// <summary>A <c>rollout</c> section for a model spec: analysis every <paramref name="intervalSeconds"/>, promotion after <paramref name="promoteAfter"/> clean intervals.</summary>
    public static JsonObject Rollout(int intervalSeconds = 1, int promoteAfter = 2) => new()
    {
        ["intervalSeconds"] = intervalSeconds,
        ["promoteAfter"] = promoteAfter,
    };

    /// <summary>A version proposal for the image tagged <paramref name="version"/>, approved under <paramref name="report"/>.</summary>
    public static JsonObject VersionProposal(string version = "2.0.0", string report = "AR-2026-0200", JsonObject? reference = null)
    {
        var proposal = new JsonObject
        {
            ["version"] = version,
            ["image"] = $"registry.example.com/risk/fraud-mm:{version}",
            ["alignmentReportId"] = report,
        };
        if (reference is not null) proposal["reference"] = reference;
        return proposal;
    }

    /// <summary>An operator's rollback with a reason, optionally to a named version.</summary>
    public static JsonObject Rollback(string reason = "latency regression", string? toVersion = null)
    {
        var rollback = new JsonObject { ["reason"] = reason };
        if (toVersion is not null) rollback["toVersion"] = toVersion;
        return rollback;
    }

    /// <summary>A computed drift or quality value for <paramref name="model"/> at <paramref name="version"/>, stamped a second ago.</summary>
    public static JsonObject DriftSample(string model, string version, string metric = "psi", double value = 0.03, string kind = "data-drift") => new()
    {
        ["model"] = model,
        ["version"] = version,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture), // samples stamped before a rollout started do not judge it
        ["kind"] = kind,
        ["metric"] = metric,
        ["value"] = value,
    };

    /// <summary>Raw numeric observations of <paramref name="feature"/>, stamped a second ago.</summary>
    public static JsonObject RawDriftSample(string model, string version, string feature, params double[] values) => new()
    {
        ["model"] = model,
        ["version"] = version,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture), // samples stamped before a rollout started do not judge it
        ["feature"] = feature,
        ["values"] = new JsonArray([.. values.Select(v => (JsonNode?)v)]),
    };
}
