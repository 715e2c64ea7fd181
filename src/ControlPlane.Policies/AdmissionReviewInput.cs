using System.Buffers;
using System.Text.Json;

namespace ControlPlane.Policies;

/// <summary>Writes the Data API body <c>{"input": AdmissionReview}</c> that OPA's Kubernetes admission policies read.</summary>
internal static class AdmissionReviewInput
{
    // What kube-apiserver accepts in one request; it also stops YAML aliases from expanding without bound.
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>The UTF-8 JSON body, or why the manifest cannot be sent as JSON.</summary>
    public static (byte[]? Body, string? Error) Write(ObjectResource resource, Dictionary<string, object?> manifest, string uid)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("input");
            writer.WriteString("apiVersion", "admission.k8s.io/v1");
            writer.WriteString("kind", "AdmissionReview");
            writer.WriteStartObject("request");
            writer.WriteString("uid", uid);
            writer.WriteStartObject("kind");
            writer.WriteString("group", resource.Group);
            writer.WriteString("version", resource.Version);
            writer.WriteString("kind", resource.Kind);
            writer.WriteEndObject();
            writer.WriteStartObject("resource");
            writer.WriteString("group", resource.Group);
            writer.WriteString("version", resource.Version);
            writer.WriteString("resource", resource.Resource);
            writer.WriteEndObject();
            WriteOptional(writer, "name", resource.Name);
            WriteOptional(writer, "namespace", resource.Namespace);
            // The plane renders whole desired objects and cannot tell a create from an update, as in AdmissionRequest.
            writer.WriteString("operation", "CREATE");
            writer.WriteBoolean("dryRun", false);
            writer.WritePropertyName("object");
            if (WriteNode(writer, manifest) is { } error) return (null, error);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenCount > MaxBytes ? (null, TooLarge) : (buffer.WrittenSpan.ToArray(), null);
    }

    private static string TooLarge => $"the object is larger than {MaxBytes / 1024 / 1024} MiB as JSON";

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static string? WriteNode(Utf8JsonWriter writer, object? node)
    {
        if (writer.BytesCommitted + writer.BytesPending > MaxBytes) return TooLarge;
        switch (node)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case long whole: writer.WriteNumberValue(whole); break;
            case double real when double.IsFinite(real): writer.WriteNumberValue(real); break;
            case double: return "the object holds a NaN or infinite number, which JSON cannot carry";
            case Dictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, value) in map)
                {
                    writer.WritePropertyName(key);
                    if (WriteNode(writer, value) is { } error) return error;
                }
                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                    if (WriteNode(writer, item) is { } error) return error;
                writer.WriteEndArray();
                break;
            default: return $"the object holds a {node.GetType().Name}, which has no JSON form";
        }
        return null;
    }
}
