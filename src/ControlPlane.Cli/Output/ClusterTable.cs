using System.Text.Json.Nodes;
using Spectre.Console.Rendering;

namespace ControlPlane.Cli.Output;

/// <summary>Clusters as tables: one row per GPU pool of each (ClusterSummary), and one cluster (ClusterView) with who holds what.</summary>
public static class ClusterTable
{
    public static IRenderable List(JsonNode? clusters) => TableLayout.Rows(
        ["CLUSTER", "GPU TYPE", "CAPACITY", "RESERVED", "FREE"],
        JsonText.Items(clusters).SelectMany(cluster => JsonText.Items(cluster?["pools"]).Select(pool =>
        {
            var capacity = (int?)pool?["capacity"]?.GetValue<int>() ?? 0;
            var reserved = (int?)pool?["reserved"]?.GetValue<int>() ?? 0;
            return new[] { JsonText.Of(cluster, "name"), JsonText.Of(pool, "gpuType"), Count(capacity), Count(reserved), Count(capacity - reserved) };
        })));

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IRenderable Detail(JsonNode? cluster)
    {
        var reservations = JsonText.Items(cluster?["reservations"]);
        var pools = JsonText.Items(cluster?["spec"]?["pools"]).Select(pool =>
        {
            var gpuType = JsonText.Of(pool, "gpuType");
            var reserved = reservations.Where(r => JsonText.Of(r, "gpuType") == gpuType).Sum(r => (int?)r?["gpus"]?.GetValue<int>() ?? 0);
            var capacity = (int?)pool?["capacity"]?.GetValue<int>() ?? 0;
            return new[]
            {
                gpuType, capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                reserved.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (capacity - reserved).ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonText.Of(pool, "onDemandPricePerGpuHour"), JsonText.Of(pool, "spotPricePerGpuHour"),
            };
        });
        return TableLayout.Sections(
            (null, TableLayout.Fields([("Cluster", JsonText.Of(cluster, "name")), ("Updated", JsonText.Of(cluster, "updatedAt"))])),
            ("GPU pools", TableLayout.Rows(["GPU TYPE", "CAPACITY", "RESERVED", "FREE", "ON-DEMAND/GPU-HOUR", "SPOT/GPU-HOUR"], pools)),
            ("Reservations", TableLayout.Rows(["MODEL", "GPU TYPE", "GPUS"],
                reservations.Select(r => new[] { JsonText.Of(r, "model"), JsonText.Of(r, "gpuType"), JsonText.Of(r, "gpus") }))));
    }
}
