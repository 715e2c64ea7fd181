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

    /// <summary>
    /// A 404 from routing rather than from a handler: the path is not served at all (the gateway words these "no endpoint at PATH";
    /// other servers send no detail). A handler's 404 names the model, budget or version it did not find.
    /// </summary>
    public bool IsMissingEndpoint => Detail is null || Detail.StartsWith("no endpoint at ", StringComparison.Ordinal) || Detail == "Not Found";

    private static string? Text(JsonObject problem, string name) =>
        problem[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
