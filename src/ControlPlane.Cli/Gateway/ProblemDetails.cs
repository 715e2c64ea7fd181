using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Cli.Gateway;

/// <summary>What an RFC 7807 answer says: its sentence (<c>detail</c>), else its title, and its reason word.</summary>
public sealed record ProblemDetails(string? Detail, string? Reason)
{
    public static ProblemDetails Read(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject problem) return new ProblemDetails(null, null);
            var detail = Text(problem, "detail") ?? Text(problem, "title");
            return new ProblemDetails(detail, Text(problem, "reason"));
        }
        catch (JsonException)
        {
            return new ProblemDetails(null, null);
        }
    }

    /// <summary>True when the server said why: a bare 404 from routing has a title but no detail.</summary>
    public bool HasDetail => Detail is not null;

    private static string? Text(JsonObject problem, string name) =>
        problem[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
