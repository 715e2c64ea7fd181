using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>
/// One model's Deployment as <c>kubectl kustomize</c> printed it, with each string as a YAML reader takes it:
/// a plain scalar that YAML 1.1 or 1.2 resolves to null, a bool, a number or a date is not the string that was asked for.
/// </summary>
public sealed partial class RenderedDeployment
{
    [GeneratedRegex(@"^(~|null|Null|NULL|[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
        + @"|[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*)"
        + @"|[-+]?([0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex NotAString();

    private readonly YamlMappingNode _deployment;

    private RenderedDeployment(YamlMappingNode deployment) => _deployment = deployment;

    /// <summary>The Deployment named <paramref name="name"/> in namespace <paramref name="ns"/> in kustomize's output.</summary>
    public static RenderedDeployment Find(string kustomizeOutput, string ns, string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(kustomizeOutput));
        var match = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().SingleOrDefault(d =>
            Text(d, "kind") == "Deployment" && Text(d, "metadata", "namespace") == ns && Text(d, "metadata", "name") == name);
        Assert.True(match is not null, $"kustomize rendered no Deployment {ns}/{name}.");
        return new RenderedDeployment(match);
    }

    public string? VersionLabel => StringAt("metadata", "labels", "app.kubernetes.io/version");

    public string? Image => StringAt("spec", "template", "spec", "containers", "0", "image");

    /// <summary>The pod template's annotations: exactly what the model's spec asked for.</summary>
    public IReadOnlyDictionary<string, string?> PodAnnotations =>
        Node("spec", "template", "metadata", "annotations") is YamlMappingNode map
            ? map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => AsString(c.Value), StringComparer.Ordinal)
            : new Dictionary<string, string?>();

    private string? StringAt(params string[] path) => AsString(Node(path));

    // Null unless the node is a scalar that reads back as a string.
    private static string? AsString(YamlNode? node) =>
        node is YamlScalarNode { Value: { } value } scalar && (scalar.Style != ScalarStyle.Plain || (value.Length > 0 && !NotAString().IsMatch(value)))
            ? value
            : null;

    private YamlNode? Node(params string[] path) => Walk(_deployment, path);

    private static string? Text(YamlNode node, params string[] path) => (Walk(node, path) as YamlScalarNode)?.Value;

    private static YamlNode? Walk(YamlNode? node, string[] path)
    {
        foreach (var step in path)
            node = node switch
            {
                YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(step), out var child) ? child : null,
                YamlSequenceNode list when int.TryParse(step, out var i) && i < list.Children.Count => list.Children[i],
                _ => null,
            };
        return node;
    }
}
