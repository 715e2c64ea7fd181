using System.Text;

namespace ControlPlane.GitOps;

/// <summary>A kustomize <c>Kustomization</c> that lists resources; written by hand because KubernetesClient has no model for it.</summary>
internal static class KustomizationManifest
{
    public static string Render(IEnumerable<string> resources)
    {
        var text = new StringBuilder()
            .Append("apiVersion: kustomize.config.k8s.io/v1beta1\n")
            .Append("kind: Kustomization\n");
        var listed = resources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (listed.Count == 0) return text.Append("resources: []\n").ToString();
        text.Append("resources:\n");
        foreach (var resource in listed) text.Append("- ").Append(resource).Append('\n');
        return text.ToString();
    }
}
