using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

public class DeployFluxTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ControlPlane.sln not found above the test binaries.");
    }

    [Fact]
    public void KustomizeBuild_DeployFlux_HasSourcePoliciesClusterAndReceiver()
    {
        var built = Kustomize.Build(Path.Combine(RepositoryRoot(), "deploy", "flux"));

        Assert.Contains("kind: GitRepository", built, StringComparison.Ordinal);
        Assert.Contains("path: ./policies", built, StringComparison.Ordinal);
        Assert.Contains("path: ./clusters/prod-eu", built, StringComparison.Ordinal);
        Assert.Contains("type: generic-hmac", built, StringComparison.Ordinal);
        Assert.Equal(4, built.Split("namespace: flux-system").Length - 1); // every object lands in flux-system
    }
}
