using ControlPlane.Core.Naming;

namespace ControlPlane.GitOps;

/// <summary>Where things live in the GitOps repository; every path is built from DNS-1123 labels only.</summary>
public static class RepositoryLayout
{
    public const string ClustersFolder = "clusters";
    public const string PoliciesFolder = "policies";
    public const string KustomizationFile = "kustomization.yaml";
    public const string DeploymentFile = "deployment.yaml";
    public const string ServiceFile = "service.yaml";

    public static string ClusterFolder(string cluster) => $"{ClustersFolder}/{Label("cluster", cluster)}";

    public static string ClusterKustomization(string cluster) => $"{ClusterFolder(cluster)}/{KustomizationFile}";

    /// <summary>The model's folder relative to its cluster folder: <c>namespace/name</c>.</summary>
    public static string ModelFolderInCluster(ModelId model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"{Label("namespace", model.Namespace)}/{Label("name", model.Name)}";
    }

    public static string ModelFolder(string cluster, ModelId model) => $"{ClusterFolder(cluster)}/{ModelFolderInCluster(model)}";

    /// <summary>True for <c>namespace/name</c> made of two DNS-1123 labels.</summary>
    public static bool IsModelFolderInCluster(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var parts = folder.Split('/');
        return parts.Length == 2 && Dns1123.IsLabel(parts[0]) && Dns1123.IsLabel(parts[1]);
    }

    /// <summary>The model (<c>namespace/name</c>) whose folder holds <paramref name="path"/> (<c>clusters/&lt;c&gt;/&lt;ns&gt;/&lt;name&gt;/&lt;file&gt;</c>), or null.</summary>
    public static string? ModelOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/');
        return parts.Length == 5 && parts[0] == ClustersFolder && IsModelFolderInCluster($"{parts[2]}/{parts[3]}") ? $"{parts[2]}/{parts[3]}" : null;
    }

    // A name that is not a label could escape the repository or break YAML, so it never becomes a path.
    private static string Label(string what, string value) =>
        Dns1123.CheckLabel(what, value) is { } error ? throw new ArgumentException(error) : value;
}
