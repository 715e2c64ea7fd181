using System.Text.Json.Nodes;
using Spectre.Console.Rendering;

namespace ControlPlane.Cli.Output;

/// <summary>Cost recommendations: what each would change for which model, and what it saves a month.</summary>
public static class RecommendationTable
{
    public static IRenderable List(JsonNode? recommendations) => TableLayout.Rows(
        ["ID", "MODEL", "KIND", "SAVING/MONTH", "REASON"],
        JsonText.Items(recommendations).Select(r => new[]
        {
            JsonText.Of(r, "id"), JsonText.Of(r, "modelId"), JsonText.Of(r, "kind"),
            $"{JsonText.Of(r, "monthlySaving")} {JsonText.Of(r, "currency")}".Trim(), JsonText.Of(r, "reason"),
        }));
}
