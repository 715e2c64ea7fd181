using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Cli.Output;

/// <summary>A field of a server answer as table text: absent and null are empty, numbers as the server wrote them.</summary>
public static class JsonText
{
    /// <summary>The field at <paramref name="path"/>, dot-separated (<c>spec.replicas.min</c>).</summary>
    public static string Of(JsonNode? node, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var name in path.Split('.'))
            node = node is JsonObject map ? map[name] : null;
        return Show(node);
    }

    public static string Show(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) =>
            Math.Round(number, 4).ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>The items of a list answer; an object answer that wraps one list (<c>{"items": [...]}</c>) gives that list.</summary>
    public static IReadOnlyList<JsonNode?> Items(JsonNode? node) => node switch
    {
        JsonArray list => [.. list],
        JsonObject map when map.Count(p => p.Value is JsonArray) == 1 => [.. map.First(p => p.Value is JsonArray).Value!.AsArray()],
        _ => [],
    };
}
