using System.Text.Json.Nodes;
using Spectre.Console.Rendering;

namespace ControlPlane.Cli.Output;

/// <summary>Models as tables: the list (ModelSummary) and one model's live state (ModelView).</summary>
public static class ModelTables
{
    public static IRenderable List(JsonNode? models) => TableLayout.Rows(
        ["MODEL", "VERSION", "STABLE", "REPLICAS", "PHASE"],
        JsonText.Items(models).Select(m => new[]
        {
            JsonText.Of(m, "id"), JsonText.Of(m, "version"), JsonText.Of(m, "stableVersion"), JsonText.Of(m, "replicas"), JsonText.Of(m, "phase"),
        }));

    public static IRenderable Detail(JsonNode? model)
    {
        var gpus = $"{JsonText.Of(model, "spec.gpusPerReplica")} × {JsonText.Of(model, "spec.gpuType")} per replica";
        var bounds = $"{JsonText.Of(model, "replicas")} (min {JsonText.Of(model, "spec.replicas.min")}, max {JsonText.Of(model, "spec.replicas.max")})";
        var fields = TableLayout.Fields(
        [
            ("Model", JsonText.Of(model, "id")),
            ("Version", JsonText.Of(model, "spec.version")),
            ("Stable version", JsonText.Of(model, "stableVersion")),
            ("Phase", JsonText.Of(model, "phase")),
            ("Image", JsonText.Of(model, "spec.image")),
            ("Cluster", JsonText.Of(model, "spec.cluster")),
            ("Budget", JsonText.Of(model, "spec.budget")),
            ("GPUs", gpus),
            ("Replicas", bounds),
            ("Target GPU utilization", JsonText.Of(model, "spec.targetGpuUtilization")),
            ("Observed GPU utilization", JsonText.Of(model, "observedGpuUtilization")),
            ("Last sample", JsonText.Of(model, "lastSampleAt")),
            ("Price per GPU-hour", JsonText.Of(model, "pricePerGpuHour")),
            ("Last commit", JsonText.Of(model, "lastCommitSha")),
            ("Updated", JsonText.Of(model, "updatedAt")),
        ]);
        var releases = JsonText.Items(model?["releases"]);
        if (releases.Count == 0) return fields;
        return TableLayout.Sections((null, fields), ("Releases", TableLayout.Rows(
            ["VERSION", "IMAGE", "ALIGNMENT REPORT", "RELEASED"],
            releases.Select(r => new[] { JsonText.Of(r, "version"), JsonText.Of(r, "image"), JsonText.Of(r, "alignmentReportId"), JsonText.Of(r, "at") }))));
    }
}
