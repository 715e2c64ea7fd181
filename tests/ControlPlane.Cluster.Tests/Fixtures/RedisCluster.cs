using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Cluster.Tests.Fixtures;

/// <summary>A real Redis, a bare Git remote and three silo processes in redis mode, with short membership timeouts.</summary>
public sealed class RedisCluster : IAsyncDisposable
{
    public const string ClusterName = "gpu-east";
    public const string BudgetName = "team-risk";

    private readonly TempDataDirectory _data;

    private RedisCluster(TempDataDirectory data, RedisServer redis, string remote) => (_data, Redis, Remote) = (data, redis, remote);

    public RedisServer Redis { get; }

    /// <summary>The bare repository every silo pushes to.</summary>
    public string Remote { get; }

    public List<SiloProcess> Silos { get; } = [];

    public IEnumerable<SiloProcess> Running => Silos.Where(s => !s.Process.HasExited);

    public static async Task<RedisCluster> StartAsync(int silos = 3)
    {
        var data = new TempDataDirectory();
        Directory.CreateDirectory(data.Combine("redis"));
        var remote = data.Combine("remote.git");
        await GitCli.OutputAsync(data.Path, "init", "--bare", "--quiet", "--initial-branch=main", remote);
        var cluster = new RedisCluster(data, await RedisServer.StartAsync(data.Combine("redis")), remote);
        for (var i = 0; i < silos; i++) cluster.Silos.Add(SiloProcess.Start(cluster.Settings(i)));
        foreach (var silo in cluster.Silos) await silo.WaitUntilReadyAsync();
        var first = cluster.Silos[0].Client;
        (await first.PutAsJsonAsync($"/api/v1/clusters/{ClusterName}", Cluster())).EnsureSuccessStatusCode();
        (await first.PutAsJsonAsync($"/api/v1/budgets/{BudgetName}", Budget())).EnsureSuccessStatusCode();
        return cluster;
    }

    /// <summary>The command-line settings of silo <paramref name="index"/>: redis mode, its own data directory, the shared remote.</summary>
    public Dictionary<string, string> Settings(int index)
    {
        var settings = new Dictionary<string, string>
        {
            ["ControlPlane:Cluster:Mode"] = "redis",
            ["ControlPlane:Cluster:Redis"] = Redis.ConnectionString,
            ["ControlPlane:Cluster:ClusterId"] = "cluster-tests",
            ["ControlPlane:Cluster:AdvertisedAddress"] = "127.0.0.1",
            // A SIGKILLed silo is declared dead within seconds, not the default minute.
            ["ControlPlane:Cluster:ProbeTimeout"] = "00:00:01",
            ["ControlPlane:Cluster:NumMissedProbesLimit"] = "2",
            ["ControlPlane:Cluster:TableRefreshTimeout"] = "00:00:02",
            ["ControlPlane:DataDirectory"] = _data.Combine($"silo-{index}"),
            ["ControlPlane:Git:RemoteUrl"] = Remote,
            ["ControlPlane:Git:PushRetryDelay"] = "00:00:00.200",
            ["ControlPlane:Git:PushRetryMaxDelay"] = "00:00:02",
            ["ControlPlane:Models:CommitRetryDelay"] = "00:00:00.200",
            ["ControlPlane:Auth:RateLimit:PermitsPerSecond"] = "1000000",
            ["ControlPlane:Auth:RateLimit:Burst"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in TestKeys.Settings()) settings[key] = value;
        return settings;
    }

    public static JsonObject Cluster() => new()
    {
        ["pools"] = new JsonArray(new JsonObject { ["gpuType"] = "nvidia-a100", ["capacity"] = 10_000, ["onDemandPricePerGpuHour"] = 2.5 }),
    };

    public static JsonObject Budget() => new() { ["limit"] = 10_000_000.0, ["period"] = "monthly", ["currency"] = "USD" };

    public static JsonObject Model(int replicas = 1) => new()
    {
        ["image"] = "registry.example.com/risk/fraud-mm:1.4.2",
        ["version"] = "1.4.2",
        ["cluster"] = ClusterName,
        ["budget"] = BudgetName,
        ["gpuType"] = "nvidia-a100",
        ["gpusPerReplica"] = 1,
        ["replicas"] = new JsonObject { ["min"] = replicas, ["max"] = 8 },
        ["targetGpuUtilization"] = 70.0,
        ["annotations"] = new JsonObject { ["ai-alignment-report-id"] = "AR-2026-0117" },
        ["workloadClass"] = "online",
    };

    public static JsonArray GpuSample(string model, double utilization) => new(new JsonObject
    {
        ["model"] = model,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["gpuUtilization"] = utilization,
    });

    /// <summary>The silo process that hosts the Git writer, from <c>writerSilo</c> in the GitOps status.</summary>
    public async Task<SiloProcess> WriterHostAsync()
    {
        var status = await Eventually.Until(async () =>
        {
            foreach (var silo in Running)
            {
                try
                {
                    return await silo.Client.GetFromJsonAsync<JsonObject>("/api/v1/gitops");
                }
                catch (HttpRequestException)
                {
                    // try the next gateway
                }
            }
            return null;
        }, s => s?["writerSilo"] is not null, TimeSpan.FromSeconds(30), "a gateway answering the GitOps status with writerSilo");
        var writer = status!["writerSilo"]!.GetValue<string>();
        return Silos.Single(s => writer.Contains($":{s.SiloPort}", StringComparison.Ordinal));
    }

    /// <summary>Every Decision-Id trailer on the remote's branch, newest first.</summary>
    public Task<string[]> RemoteDecisionIdsAsync() =>
        GitCli.LinesAsync(Remote, "log", "main", "--format=%(trailers:key=Decision-Id,valueonly)");

    /// <summary>Every Model trailer on the remote's branch.</summary>
    public Task<string[]> RemoteModelsAsync() =>
        GitCli.LinesAsync(Remote, "log", "main", "--format=%(trailers:key=Model,valueonly)");

    public string Describe() => string.Join("\n\n", Silos.Select((s, i) => $"silo {i} (http {s.HttpPort}, silo {s.SiloPort}, exited {s.Process.HasExited}):\n{s.Process.Output}"));

    public ValueTask DisposeAsync()
    {
        // Stop the silos before Redis, so that none outlives it retrying.
        foreach (var silo in Silos) silo.Dispose();
        Redis.Dispose();
        _data.Dispose();
        return ValueTask.CompletedTask;
    }
}
