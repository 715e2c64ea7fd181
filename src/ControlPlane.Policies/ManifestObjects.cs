namespace ControlPlane.Policies;

/// <summary>The Kubernetes objects in a rendered manifest, or why it holds something no policy can vouch for.</summary>
internal static class ManifestObjects
{
    public static IEnumerable<(ObjectResource? Resource, Dictionary<string, object?>? Object, string? Error)> Read(string manifest, int number)
    {
        IReadOnlyList<object?> documents;
        try
        {
            documents = YamlDocuments.Parse(manifest);
        }
        catch (Exception e)
        {
            // Whatever the YAML library throws, the text is unreadable: that is a denial, not a crash.
            return [(null, null, $"manifest {number} is not valid YAML: {e.Message}")];
        }
        return documents.Where(d => d is not null).Select(d =>
            d is Dictionary<string, object?> map && ObjectResource.From(map) is { } resource
                ? (resource, map, (string?)null)
                : ((ObjectResource?)null, (Dictionary<string, object?>?)null, $"manifest {number} holds a document that is not a Kubernetes object with apiVersion and kind"));
    }
}
