namespace ControlPlane.Policies;

/// <summary>What an admission request would say about a manifest: its group, version, resource, kind, namespace and name.</summary>
internal sealed record ObjectResource(string Group, string Version, string Resource, string Kind, string? Namespace, string? Name)
{
    /// <summary>How violations name the object, e.g. "Deployment risk/fraud-mm".</summary>
    public string Description => (Namespace, Name) switch
    {
        (_, null) => $"{Kind} (unnamed)",
        (null, _) => $"{Kind} {Name}",
        _ => $"{Kind} {Namespace}/{Name}",
    };

    public static ObjectResource? From(Dictionary<string, object?> manifest)
    {
        if (manifest.GetValueOrDefault("apiVersion") is not string { Length: > 0 } apiVersion) return null;
        if (manifest.GetValueOrDefault("kind") is not string { Length: > 0 } kind) return null;
        var slash = apiVersion.LastIndexOf('/');
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var metadata = manifest.GetValueOrDefault("metadata") as Dictionary<string, object?>;
        return new ObjectResource(group, version, ResourceNames.ResourceOf(kind), kind,
            metadata?.GetValueOrDefault("namespace") as string, metadata?.GetValueOrDefault("name") as string);
    }
}
