using ControlPlane.Core.GitOps;
using ControlPlane.Core.Models;
using k8s.Models;

namespace ControlPlane.GitOps;

/// <summary>The model's Deployment: replicas, GPU requests and limits, GPU-type node selector, labels and annotations.</summary>
internal static class DeploymentManifest
{
    public static V1Deployment Build(ModelDesiredState desired)
    {
        var spec = desired.Spec;
        var gpus = new ResourceQuantity(spec.GpusPerReplica.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new V1ObjectMeta
            {
                Name = desired.Model.Name,
                NamespaceProperty = desired.Model.Namespace,
                Labels = ManifestRenderer.Labels(desired),
                Annotations = ManifestRenderer.DeploymentAnnotations(desired),
            },
            Spec = new V1DeploymentSpec
            {
                Replicas = desired.Replicas,
                // The selector is immutable once applied, so it names the model and never the version.
                Selector = new V1LabelSelector { MatchLabels = ManifestRenderer.SelectorLabels(desired) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta
                    {
                        Labels = ManifestRenderer.Labels(desired),
                        Annotations = ManifestRenderer.Annotations(desired),
                    },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = ManifestRenderer.ContainerName,
                                Image = spec.Image,
                                Ports = [new V1ContainerPort { Name = ManifestRenderer.PortName, ContainerPort = spec.Port, Protocol = "TCP" }],
                                Resources = new V1ResourceRequirements
                                {
                                    Requests = new Dictionary<string, ResourceQuantity> { [ManifestRenderer.GpuResource] = gpus },
                                    Limits = new Dictionary<string, ResourceQuantity> { [ManifestRenderer.GpuResource] = gpus },
                                },
                            },
                        ],
                        NodeSelector = NodeSelector(spec),
                        // Spot nodes are tainted so that only workloads that accept interruption land there.
                        Tolerations = spec.CapacityType == CapacityTypes.Spot
                            ? [new V1Toleration { Key = ManifestRenderer.CapacityTypeNodeLabel, OperatorProperty = "Equal", Value = CapacityTypes.Spot, Effect = "NoSchedule" }]
                            : null,
                    },
                },
            },
        };
    }

    /// <summary>The GPU type always; the capacity type only when the spec names one, so on-demand manifests stay as they were.</summary>
    private static SortedDictionary<string, string> NodeSelector(ModelSpec spec)
    {
        var selector = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ManifestRenderer.GpuTypeNodeLabel] = spec.GpuType };
        if (spec.CapacityType is { } capacity) selector[ManifestRenderer.CapacityTypeNodeLabel] = capacity;
        return selector;
    }
}
