namespace ControlPlane.Policies;

/// <summary>The CEL variables an admission request would bind for a manifest about to be committed.</summary>
internal static class AdmissionRequest
{
    public static Dictionary<string, object?> Activation(ObjectResource resource, Dictionary<string, object?> manifest) => new(StringComparer.Ordinal)
    {
        ["object"] = manifest,
        // The plane renders whole desired objects and does not read the cluster, so there is no old object, namespace or params.
        ["oldObject"] = null,
        ["params"] = null,
        ["namespaceObject"] = null,
        ["request"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["operation"] = "CREATE",
            ["kind"] = Map(("group", resource.Group), ("version", resource.Version), ("kind", resource.Kind)),
            ["resource"] = Map(("group", resource.Group), ("version", resource.Version), ("resource", resource.Resource)),
            ["name"] = resource.Name,
            ["namespace"] = resource.Namespace,
            ["dryRun"] = false,
        },
    };

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
