using System.Text.Json.Nodes;
using Spectre.Console.Rendering;

namespace ControlPlane.Cli.Output;

/// <summary>Decisions as a table, newest first as the server sends them, and as single lines for <c>decisions tail</c>.</summary>
public static class DecisionTable
{
    private static readonly string[] Headers = ["AT", "MODEL", "KIND", "OUTCOME", "REPLICAS", "BY", "SUMMARY"];

    public static IRenderable List(JsonNode? decisions) => TableLayout.Rows(Headers, JsonText.Items(decisions).Select(Cells));

    /// <summary>One decision on one line, fields separated by two spaces.</summary>
    public static string Line(JsonNode? decision) => string.Join("  ", Cells(decision).Where(c => c.Length > 0));

    private static string[] Cells(JsonNode? d) =>
    [
        JsonText.Of(d, "at"), JsonText.Of(d, "model"), JsonText.Of(d, "kind"), JsonText.Of(d, "outcome"),
        Replicas(d), JsonText.Of(d, "requestedBy"), JsonText.Of(d, "summary"),
    ];

    private static string Replicas(JsonNode? d) => (JsonText.Of(d, "fromReplicas"), JsonText.Of(d, "toReplicas")) switch
    {
        ("", var to) => to,
        (var from, var to) => $"{from}→{to}",
    };
}
