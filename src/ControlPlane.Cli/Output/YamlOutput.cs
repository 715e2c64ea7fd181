using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace ControlPlane.Cli.Output;

/// <summary>The server's JSON as YAML: same fields, same order; strings that YAML would read as something else are quoted.</summary>
public static class YamlOutput
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string Format(JsonNode? node) => Serializer.Serialize(ToPlain(node));

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray list => list.Select(ToPlain).ToList(),
        JsonValue value => Scalar(value),
        _ => node.ToJsonString(),
    };

    private static object? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetValue<long>(out var whole) => whole,
        // decimal keeps the digits the server wrote (0.1 stays 0.1); only numbers beyond its range fall back to double.
        JsonValueKind.Number when decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) => exact,
        JsonValueKind.Number => value.GetValue<double>(),
        _ => null,
    };
}
