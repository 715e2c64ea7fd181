using Orleans.TestingHost;

namespace ControlPlane.Storage.Sqlite.Tests.Cluster;

public sealed class SqliteGrainStorageClusterTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteStoreFixture _stores = new();
    private InProcessTestCluster? _cluster;

    private InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Cluster not deployed.");

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
            silo.AddSqliteGrainStorage(CounterGrain.StoreName, o => o.DatabasePath = _stores.DatabasePath));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    // xunit calls this after DisposeAsync, so the silos have released the database file by then.
    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task PersistentState_GrainDeactivated_ReactivatesWithStoredValue()
    {
        var grain = Cluster.Client.GetGrain<ICounterGrain>("gpu-pool");
        await grain.Add(3);
        await grain.Add(4);

        // Capture the deactivation before asking for it, or a quick reactivation could be missed.
        var deactivated = Cluster.WaitForDeactivationAsync(grain);
        await grain.Deactivate();
        await deactivated.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(7, await grain.Get());
        var row = new GrainState<CounterState>();
        await _stores.Open().ReadStateAsync(CounterGrain.StateName, grain.GetGrainId(), row);
        Assert.Equal(new CounterState { Value = 7 }, row.State);
    }
}
