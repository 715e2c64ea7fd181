using ControlPlane.Core.GitOps;
using ControlPlane.Core.Naming;

namespace ControlPlane.GitOps;

/// <summary>Renders a model's desired state to the manifests Flux applies; pure and byte-for-byte deterministic.</summary>
public static class ManifestRenderer
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string VersionLabel = "app.kubernetes.io/version";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "controlplane";
    public const string GpuTypeNodeLabel = "controlplane.io/gpu-type";
    public const string CapacityTypeNodeLabel = "controlplane.io/capacity-type";
    public const string GpuResource = "nvidia.com/gpu";
    public const string ContainerName = "model";
    public const string PortName = "http";
    public const string RolloutPhaseAnnotation = "controlplane.io/rollout-phase";
    public const string StableVersionAnnotation = "controlplane.io/stable-version";

    /// <summary>The model's three files, keyed by repository path under <c>clusters/&lt;cluster&gt;/&lt;namespace&gt;/&lt;name&gt;/</c>.</summary>
    public static IReadOnlyDictionary<string, string> RenderModel(ModelDesiredState desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var folder = RepositoryLayout.ModelFolder(desired.Spec.Cluster, desired.Model);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{folder}/{RepositoryLayout.DeploymentFile}"] = ManifestYaml.Serialize(DeploymentManifest.Build(desired)),
            [$"{folder}/{RepositoryLayout.ServiceFile}"] = ManifestYaml.Serialize(ServiceManifest.Build(desired)),
            [$"{folder}/{RepositoryLayout.KustomizationFile}"] =
                KustomizationManifest.Render([RepositoryLayout.DeploymentFile, RepositoryLayout.ServiceFile]),
        };
    }

    /// <summary>A cluster's kustomization.yaml listing its model folders (<c>namespace/name</c>), sorted ordinally.</summary>
    public static string RenderClusterKustomization(IEnumerable<string> modelFolders)
    {
        ArgumentNullException.ThrowIfNull(modelFolders);
        var folders = modelFolders.ToList();
        if (folders.FirstOrDefault(f => !RepositoryLayout.IsModelFolderInCluster(f)) is { } bad)
            throw new ArgumentException($"model folder '{Dns1123.Printable(bad)}' is not <namespace>/<name> made of DNS-1123 labels.", nameof(modelFolders));
        return KustomizationManifest.Render(folders);
    }

    // Each manifest gets its own dictionaries: a shared instance would be written as a YAML anchor and alias.
    internal static SortedDictionary<string, string> Labels(ModelDesiredState desired) => new(StringComparer.Ordinal)
    {
        [NameLabel] = desired.Model.Name,
        [VersionLabel] = desired.Spec.Version,
        [ManagedByLabel] = ManagedByValue,
    };

    internal static SortedDictionary<string, string> SelectorLabels(ModelDesiredState desired) =>
        new(StringComparer.Ordinal) { [NameLabel] = desired.Model.Name };

    /// <summary>
    /// The Deployment's own annotations also say where its rollout stands, so that a promotion changes the
    /// tree (and is committed) without touching the pod template (which would restart every pod).
    /// </summary>
    internal static SortedDictionary<string, string> DeploymentAnnotations(ModelDesiredState desired)
    {
        var annotations = Annotations(desired) ?? new SortedDictionary<string, string>(StringComparer.Ordinal);
        annotations[RolloutPhaseAnnotation] = desired.Phase;
        if (desired.StableVersion is { } stable) annotations[StableVersionAnnotation] = stable;
        return annotations;
    }

    internal static SortedDictionary<string, string>? Annotations(ModelDesiredState desired) =>
        desired.Spec.AnnotationsOrEmpty.Count == 0
            ? null
            : new SortedDictionary<string, string>(desired.Spec.AnnotationsOrEmpty.ToDictionary(), StringComparer.Ordinal);
}
