using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace ControlPlane.Grains.Tests;

[Collection(SharedGrainCluster.Name)]
public class ResourceCatalogGrainTests(GrainClusterFixture fixture)
{
    private IResourceCatalogGrain Catalog(string kind) => fixture.Client.GetGrain<IResourceCatalogGrain>(kind);

    [Fact]
    public async Task BudgetPut_NewName_JoinsTheBudgetCatalogOnly()
    {
        await fixture.Client.GetGrain<IBudgetGrain>("catalog-put").Put(new BudgetSpec(100));

        Assert.Contains("catalog-put", await Catalog(IResourceCatalogGrain.Budgets).Names());
        Assert.DoesNotContain("catalog-put", await Catalog(IResourceCatalogGrain.Clusters).Names());
    }

    [Fact]
    public async Task ClusterPut_NewName_JoinsTheClusterCatalog()
    {
        await fixture.Client.GetGrain<IClusterGrain>("catalog-cluster").Put(new ClusterSpec([new GpuPool("nvidia-a100", 4, 3.2)]));

        Assert.Contains("catalog-cluster", await Catalog(IResourceCatalogGrain.Clusters).Names());
    }

    [Fact]
    public async Task BudgetStoredBeforeTheCatalog_FirstRead_JoinsIt()
    {
        var budget = fixture.Client.GetGrain<IBudgetGrain>("catalog-backfill");
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        await storage.WriteStateAsync("budget", budget.GetGrainId(), new GrainState<BudgetState>(new BudgetState { Spec = new BudgetSpec(100) }));
        Assert.DoesNotContain("catalog-backfill", await Catalog(IResourceCatalogGrain.Budgets).Names());

        Assert.NotNull(await budget.Get());

        Assert.Contains("catalog-backfill", await Catalog(IResourceCatalogGrain.Budgets).Names());
    }

    [Fact]
    public async Task ClusterNeverPut_Read_StaysOutOfTheCatalog()
    {
        Assert.Null(await fixture.Client.GetGrain<IClusterGrain>("catalog-never").Get());

        Assert.DoesNotContain("catalog-never", await Catalog(IResourceCatalogGrain.Clusters).Names());
    }
}
