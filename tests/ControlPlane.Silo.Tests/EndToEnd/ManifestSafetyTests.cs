using ControlPlane.Silo.Tests.Api;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.EndToEnd;

/// <summary>No single request may leave a cluster folder that Flux can no longer build.</summary>
[Collection(SharedGateway.Name)]
public sealed class ManifestSafetyTests(GatewayHost host) : IDisposable
{
    private readonly TempDataDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task PutModel_NamespaceEndingInNewline_LeavesTheClusterBuildable()
    {
        var model = await host.Client.RegisterModelAsync();

        using (await host.Client.PutAsync($"/api/v1/models/evil%0A/x", Bodies.Model(model.Cluster, model.Budget))) { }

        var clone = _work.Combine("clone");
        await GitCli.OutputAsync(_work.Path, "clone", "--quiet", host.Factory.RepositoryPath, clone);
        var kustomize = await ProcessRunner.RunAsync("kubectl", ["kustomize", $"clusters/{model.Cluster}"], clone);
        Assert.True(kustomize.ExitCode == 0, kustomize.ToString());
    }
}
