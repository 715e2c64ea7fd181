using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;

namespace ControlPlane.Silo.Api;

/// <summary>Reads a JSON body so that every parse error reaches the caller with its JSON path.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
            return (null, Problems.UnsupportedMediaType());
        var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, json, request.HttpContext.RequestAborted);
            return value is null ? (null, Problems.BadRequest("a JSON body is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"invalid JSON: {Describe(ex)}"));
        }
    }

    /// <summary>The parser's message with the path where it failed, in one line.</summary>
    public static string Describe(JsonException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var message = ex.Message.ReplaceLineEndings(" ");
        return ex.Path is { } path && !message.Contains(path, StringComparison.Ordinal) ? $"{message} (at {path})" : message;
    }
}
