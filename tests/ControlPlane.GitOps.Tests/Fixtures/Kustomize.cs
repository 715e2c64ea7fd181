namespace ControlPlane.GitOps.Tests.Fixtures;

/// <summary>The real <c>kubectl kustomize</c>, which works offline: the same build Flux's kustomize-controller runs.</summary>
public static class Kustomize
{
    public const string Kubectl = "/usr/bin/kubectl";

    public static string Build(string directory) => ExternalTool.Run(Kubectl, directory, null, "kustomize", directory);
}
