using System.Text.RegularExpressions;
using k8s;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ControlPlane.GitOps;

/// <summary>Serializes a typed Kubernetes object to YAML that every YAML 1.1 and 1.2 reader reads back with the same types.</summary>
internal static partial class ManifestYaml
{
    // Typed fields only ever emit decimal integers and true/false; everything else plain is a string.
    [GeneratedRegex("^(-?[0-9]+|true|false)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TypedPlainScalar();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._/-]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainString();

    private static readonly HashSet<string> ReservedWords =
        new(["y", "n", "yes", "no", "on", "off", "true", "false", "null"], StringComparer.OrdinalIgnoreCase);

    public static string Serialize(object manifest) => QuoteAmbiguousStrings(KubernetesYaml.Serialize(manifest));

    // KubernetesYaml leaves strings such as 0x1F, 1_000 or 2026-01-17 plain, which YAML readers turn into numbers or dates.
    private static string QuoteAmbiguousStrings(string yaml)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var parser = new Parser(new StringReader(yaml));
        var emitter = new Emitter(output, new EmitterSettings().WithBestWidth(int.MaxValue));
        while (parser.MoveNext())
        {
            var parsed = parser.Current!;
            emitter.Emit(parsed is Scalar { Style: ScalarStyle.Plain } scalar && !ReadsBackAsWritten(scalar.Value)
                ? new Scalar(scalar.Anchor, scalar.Tag, scalar.Value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true)
                : parsed);
        }
        var text = output.ToString();
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static bool ReadsBackAsWritten(string value) =>
        TypedPlainScalar().IsMatch(value) || (PlainString().IsMatch(value) && !ReservedWords.Contains(value));
}
