using System.Globalization;
using System.Text.Json;

namespace ControlPlane.Core.Signals;

/// <summary>Reads the body of a Prometheus HTTP API <c>/api/v1/query</c> answer whose result is an instant vector.</summary>
public static class PrometheusVector
{
    /// <summary>The series, or why the body is not a successful instant vector.</summary>
    public static (IReadOnlyList<PrometheusSeries> Series, string? Error) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
                return Failed("the answer is not a Prometheus API response (no 'status').");
            if (status.GetString() != "success")
                return Failed($"Prometheus answered {Text(root, "errorType") ?? "an error"}: {Text(root, "error") ?? "(no message)"}");
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                return Failed("the answer has no 'data'.");
            if (Text(data, "resultType") is var type && type != "vector")
                return Failed($"the query must return an instant vector, not a {type ?? "result without a type"}.");
            if (!data.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
                return Failed("the answer has no 'result' list.");
            var series = new List<PrometheusSeries>(result.GetArrayLength());
            foreach (var item in result.EnumerateArray())
            {
                if (Series(item) is not { } one) return Failed($"a series is malformed: {item.GetRawText()}");
                series.Add(one);
            }
            return (series, null);
        }
        catch (JsonException ex)
        {
            return Failed($"the answer is not JSON: {ex.Message}");
        }
    }

    private static PrometheusSeries? Series(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("metric", out var metric) || metric.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2
            || value[0].ValueKind != JsonValueKind.Number || value[1].ValueKind != JsonValueKind.String
            || SampleValue(value[1].GetString()!) is not { } number)
            return null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in metric.EnumerateObject())
        {
            if (label.Value.ValueKind != JsonValueKind.String) return null;
            labels[label.Name] = label.Value.GetString()!;
        }
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value[0].GetDouble() * 1000));
        return new PrometheusSeries(labels, at, number);
    }

    // Prometheus writes sample values as strings, with its own spelling of the special values.
    private static double? SampleValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static (IReadOnlyList<PrometheusSeries>, string?) Failed(string error) => ([], error);
}
