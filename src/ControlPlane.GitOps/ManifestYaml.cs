using System.Text.Json;
using System.Text.RegularExpressions;
using k8s;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ControlPlane.GitOps;

/// <summary>Serializes a typed Kubernetes object to YAML that every YAML 1.1 and 1.2 reader reads back with the same types and the same text.</summary>
internal static partial class ManifestYaml
{
    // What a reader takes for an integer or a bool rather than a string.
    [GeneratedRegex("^(-?[0-9]+|true|false)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TypedPlainScalar();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._/-]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainString();

    private static readonly HashSet<string> ReservedWords =
        new(["y", "n", "yes", "no", "on", "off", "true", "false", "null"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Emits the object's JSON form as YAML. Going through KubernetesYaml's text instead loses characters: it writes
    /// a value holding \r or NEL as a block scalar, which any reader turns into \n.
    /// </summary>
    public static string Serialize(object manifest)
    {
        using var json = JsonDocument.Parse(KubernetesJson.Serialize(manifest));
        using var output = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(output, new EmitterSettings().WithBestWidth(int.MaxValue));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, json.RootElement, quantities: false);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        var text = output.ToString();
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static void Emit(Emitter emitter, JsonElement element, bool quantities)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var property in element.EnumerateObject())
                {
                    emitter.Emit(String(property.Name));
                    Emit(emitter, property.Value, quantities || property.Name is "requests" or "limits");
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in element.EnumerateArray()) Emit(emitter, item, quantities: false);
                emitter.Emit(new SequenceEnd());
                break;
            // Resource quantities are strings in the API; whole ones are written plain, as kubectl users write them.
            case JsonValueKind.String when quantities && TypedPlainScalar().IsMatch(element.GetString()!):
                emitter.Emit(new Scalar(null, null, element.GetString()!, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case JsonValueKind.String:
                emitter.Emit(String(element.GetString()!));
                break;
            default: // numbers, true, false and null are written as JSON writes them, which YAML reads the same way
                emitter.Emit(new Scalar(null, null, element.GetRawText(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    // Plain only when no reader could take it for a number, bool, null or date; double quotes escape everything else.
    private static Scalar String(string value) => ReadsBackAsWritten(value)
        ? new Scalar(null, null, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false)
        : new Scalar(null, null, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true);

    private static bool ReadsBackAsWritten(string value) =>
        !TypedPlainScalar().IsMatch(value) && PlainString().IsMatch(value) && !ReservedWords.Contains(value);
}
