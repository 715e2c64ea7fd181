using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>
    /// Reads every JSON string, member names included, and refuses one that is not Unicode text: a lone surrogate
    /// escape (<c>"\ud800"</c>) parses, but no UTF-8 file, YAML manifest or commit can hold it as sent.
    /// </summary>
    public sealed class UnicodeStrings : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : Checked(reader.GetString()!);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WritePropertyName(value);
        }

        private static string Checked(string value) => IsUnicodeText(value)
            ? value
            : throw new JsonException("the string is not valid Unicode text: it holds a lone surrogate.");

        private static bool IsUnicodeText(string value)
        {
            for (var i = 0; i < value.Length; i += char.IsSurrogatePair(value, i) ? 2 : 1)
                if (char.IsSurrogate(value[i]) && !char.IsSurrogatePair(value, i)) return false;
            return true;
        }
    }
}
