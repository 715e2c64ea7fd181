namespace ControlPlane.Policies;

/// <summary>Maps a kind to its API resource (Deployment → deployments) and back, as the API server's discovery would.</summary>
internal static class ResourceNames
{
    private static readonly Dictionary<string, string> KnownResources = new(StringComparer.Ordinal)
    {
        ["Deployment"] = "deployments", ["StatefulSet"] = "statefulsets", ["DaemonSet"] = "daemonsets",
        ["ReplicaSet"] = "replicasets", ["Pod"] = "pods", ["Service"] = "services", ["ConfigMap"] = "configmaps",
        ["Secret"] = "secrets", ["Namespace"] = "namespaces", ["ServiceAccount"] = "serviceaccounts",
        ["Job"] = "jobs", ["CronJob"] = "cronjobs", ["HorizontalPodAutoscaler"] = "horizontalpodautoscalers",
        ["Ingress"] = "ingresses", ["NetworkPolicy"] = "networkpolicies", ["PodDisruptionBudget"] = "poddisruptionbudgets",
        ["PersistentVolumeClaim"] = "persistentvolumeclaims", ["Endpoints"] = "endpoints",
    };

    private static readonly Dictionary<string, string> KnownKinds = KnownResources.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ResourceOf(string kind)
    {
        if (KnownResources.TryGetValue(kind, out var known)) return known;
        // Kubernetes resources are the lower-cased kind in the plural; this covers the kinds the table does not list.
        var lower = kind.ToLowerInvariant();
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
            return lower + "es";
        if (lower.Length > 1 && lower.EndsWith('y') && !"aeiou".Contains(lower[^2], StringComparison.Ordinal))
            return lower[..^1] + "ies";
        return lower + "s";
    }

    public static string KindOf(string resource) => KnownKinds.GetValueOrDefault(resource, resource);
}
