using ControlPlane.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using ControlPlane.Testing;

namespace ControlPlane.Grains.Tests;

/// <summary>Two silos on one SQLite file, memory streams, in-memory reminders and a bare Git repository in a temp directory.</summary>
public class GrainClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "controlplane-grains-" + Guid.NewGuid().ToString("N"));
    public string RepositoryPath => Path.Combine(DataDirectory, "gitops.git");

    private InProcessTestCluster? _cluster;
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Cluster not deployed.");
    public IClusterClient Client => Cluster.Client;

    /// <summary>The date both silos decide by; each test starts it where it needs (a fixed mid-month day unless it says).</summary>
    public TestCalendar Calendar { get; } = new();

    /// <summary>Now, on the plane's calendar: what a test stamps its samples with.</summary>
    public DateTimeOffset Now => Calendar.GetUtcNow();

    /// <summary>Every FinOps event either silo published, in order.</summary>
    public RecordingFinOpsSink FinOpsEvents { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSqliteGrainStorage(StorageNames.Default, o => o.DatabasePath = Path.Combine(DataDirectory, "grains.db"));
            silo.UseInMemoryReminderService(); // budgets roll their periods over on a reminder
            silo.AddMemoryStreams(StreamNamespaces.Provider, s => s.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly));
            silo.Services.AddSingleton(TimeProvider.System); // Orleans' own timers, and the plane's waits
            silo.Services.AddSingleton(new DecisionClock(Calendar));
            silo.Services.Configure<GitOpsOptions>(o => o.RepositoryPath = RepositoryPath);
            silo.Services.Configure<ModelGrainOptions>(o => o.CommitRetryDelay = TimeSpan.FromMilliseconds(50));
            silo.Services.Configure<FinOpsOptions>(o => o.EvaluationInterval = TimeSpan.Zero);
            silo.Services.AddSingleton<IFinOpsEventSink>(FinOpsEvents);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNamespaces.Provider));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>
    /// Registers a cluster with <paramref name="gpus"/> A100s and a budget, both named after the test. The budget is one
    /// no test reaches on any day (16 A100s for a whole 31-day month cost under 40,000): tests of budgets state their own.
    /// </summary>
    public async Task<(string Cluster, string Budget)> Infrastructure(string name, int gpus = 16)
    {
        await Client.GetGrain<IClusterGrain>(name).Put(new ClusterSpec([new GpuPool("nvidia-a100", gpus, 3.2, 1.1)]));
        await Client.GetGrain<IBudgetGrain>(name).Put(new BudgetSpec(1_000_000));
        return (name, name);
    }

    public static ModelSpec Spec(string cluster, string budget, int min = 1, int max = 8, double target = 70) =>
        new("registry.example.com/risk/fraud-mm:1.4.2", "1.4.2", cluster, budget, "nvidia-a100", 1,
            new ReplicaBounds(min, max), target,
            new Dictionary<string, string> { [ModelSpec.AlignmentReportAnnotation] = "AR-2026-0117" });
}

[CollectionDefinition(Name)]
public sealed class SharedGrainCluster : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
