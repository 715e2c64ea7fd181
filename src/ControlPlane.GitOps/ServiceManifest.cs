using ControlPlane.Core.GitOps;
using k8s.Models;

namespace ControlPlane.GitOps;

/// <summary>The model's ClusterIP Service, selecting its pods by model name so it survives version changes.</summary>
internal static class ServiceManifest
{
    public static V1Service Build(ModelDesiredState desired) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta
        {
            Name = desired.Model.Name,
            NamespaceProperty = desired.Model.Namespace,
            Labels = ManifestRenderer.Labels(desired),
        },
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = ManifestRenderer.SelectorLabels(desired),
            Ports =
            [
                new V1ServicePort { Name = ManifestRenderer.PortName, Port = desired.Spec.Port, TargetPort = desired.Spec.Port, Protocol = "TCP" },
            ],
        },
    };
}
