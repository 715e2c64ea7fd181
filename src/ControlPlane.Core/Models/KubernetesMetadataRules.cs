using System.Text.RegularExpressions;
using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Models;

/// <summary>Kubernetes' rules for annotation keys (optional DNS-1123 subdomain prefix, 63-character name) and sizes.</summary>
public static partial class KubernetesMetadataRules
{
    public const int MaxAnnotationBytes = 256 * 1024;

    /// <summary>Keys under this prefix are the plane's own (rollout phase, stable version); a spec may not set them.</summary>
    public const string ReservedPrefix = "controlplane.io/";

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\\z", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();

    // What a YAML reader resolves to a number, bool, null or date; kustomize cannot build metadata.annotations with such a key, even quoted.
    [GeneratedRegex(@"^([-+]?(0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(\.[0-9_]*)?(e[-+]?[0-9]+)?|[0-9]+(:[0-5]?[0-9])+|\.inf|\.nan)|true|false|null|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\z",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NotAStringInYaml();

    public static bool IsQualifiedKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (name.Length is 0 or > 63 || !QualifiedName().IsMatch(name)) return false;
        if (slash < 0) return true;
        var prefix = key[..slash];
        return prefix.Length is > 0 and <= 253 && Subdomain().IsMatch(prefix);
    }

    public static IEnumerable<string> CheckAnnotations(IReadOnlyDictionary<string, string>? annotations)
    {
        if (annotations is null) yield break;
        var total = 0;
        foreach (var (key, value) in annotations)
        {
            if (!IsQualifiedKey(key))
                yield return $"annotation key '{Dns1123.Printable(key)}' is not a valid Kubernetes qualified name (optional DNS subdomain prefix and '/', then at most 63 characters).";
            else if (key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
                yield return $"annotation key '{key}' is reserved: the plane writes {ReservedPrefix}* itself.";
            else if (NotAStringInYaml().IsMatch(key))
                yield return $"annotation key '{key}' reads as a number, bool, null or date in YAML, which kustomize cannot build; give it a prefix such as example.com/{key}.";
            if (value is null)
                yield return $"annotation '{Dns1123.Printable(key)}' has no value.";
            total += key.Length + (value?.Length ?? 0);
        }
        if (total > MaxAnnotationBytes)
            yield return $"annotations total {total} bytes; Kubernetes allows at most {MaxAnnotationBytes}.";
    }
}
