using System.Text.Json;
using System.Text.RegularExpressions;

namespace ControlPlane.Policies;

/// <summary>Reads OPA's Data API answer for a deny rule: <c>{"result": [messages]}</c>, or why it gives no decision to trust.</summary>
internal static partial class OpaAnswer
{
    /// <summary>The deny messages of a 2xx answer (none: allowed), or why there are none to trust.</summary>
    public static (IReadOnlyList<string>? Messages, string? Error) Read(ReadOnlyMemory<byte> body, string rulePath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "OPA's answer is not valid JSON");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, "OPA's answer is not a JSON object");
            // The Data API answers 200 without "result" when nothing is defined at the path: no policy there has decided.
            if (!document.RootElement.TryGetProperty("result", out var result))
                return (null, $"the OPA rule {rulePath} is undefined (the answer has no result): is its policy loaded?");
            if (result.ValueKind != JsonValueKind.Array)
                return (null, $"the OPA rule {rulePath} gave {Describe(result.ValueKind)}, not a set of deny messages");
            var messages = new List<string>();
            foreach (var item in result.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                    return (null, $"the OPA rule {rulePath} gave a set holding {Describe(item.ValueKind)}, not only deny messages (strings)");
                messages.Add(item.GetString() is { Length: > 0 } message ? message : "OPA denied with an empty message");
            }
            return (messages, null);
        }
    }

    /// <summary>OPA's error code word (e.g. "internal_error") from a non-2xx answer; its message is left out, as it may quote the input.</summary>
    public static string? ErrorCode(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("code", out var code)
                && code.GetString() is { } word && CodeWord().IsMatch(word)
                ? word
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    [GeneratedRegex("^[a-z_]{1,40}$")]
    private static partial Regex CodeWord();
}
