using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Cli.Output;

/// <summary>The server's JSON, indented; or one object per line where results stream.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Format(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";

    public static string Line(JsonNode? node) => node?.ToJsonString() ?? "null";
}
