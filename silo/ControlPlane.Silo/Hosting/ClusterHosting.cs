using ControlPlane.Storage.Sqlite;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace ControlPlane.Silo.Hosting;

/// <summary>Membership, grain storage and reminders for the configured mode: one embedded silo, or many silos on Redis.</summary>
public static class ClusterHosting
{
    public static ISiloBuilder UseControlPlaneCluster(this ISiloBuilder silo, ClusterHostingOptions cluster, ControlPlaneOptions plane)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(plane);
        if (!cluster.IsRedis)
        {
            silo.UseLocalhostClustering(plane.Silo.SiloPort, plane.Silo.GatewayPort);
            silo.Configure<ClusterOptions>(o => { o.ClusterId = "controlplane"; o.ServiceId = "controlplane"; });
            silo.AddSqliteGrainStorage(StorageNames.Default, o => o.DatabasePath = Path.Combine(plane.FullDataDirectory, "grains.db"));
            silo.UseInMemoryReminderService();
            return silo;
        }
        // A missing or bad connection string is reported by start-up validation, in one line: never throw here.
        ConfigurationOptions Redis() => ClusterHostingValidation.ParsesAsRedis(cluster.Redis) ? ConfigurationOptions.Parse(cluster.Redis) : new ConfigurationOptions();
        silo.UseRedisClustering(o => o.ConfigurationOptions = Redis());
        silo.AddRedisGrainStorage(StorageNames.Default, o => o.Configure<Serializer>((storage, serializer) =>
        {
            storage.ConfigurationOptions = Redis();
            // The same serializer as the embedded SQLite store: no type names in stored state.
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseRedisReminderService(o => o.ConfigurationOptions = Redis());
        silo.Configure<ClusterOptions>(o => { o.ClusterId = cluster.ClusterId; o.ServiceId = cluster.ServiceId; });
        var advertised = cluster.Advertised();
        silo.ConfigureEndpoints(advertised, cluster.SiloPort ?? plane.Silo.SiloPort, cluster.GatewayPort ?? plane.Silo.GatewayPort,
            listenOnAnyHostAddress: !System.Net.IPAddress.IsLoopback(advertised));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            if (cluster.ProbeTimeout is { } probe) o.ProbeTimeout = probe;
            if (cluster.NumMissedProbesLimit is { } missed) o.NumMissedProbesLimit = missed;
            if (cluster.TableRefreshTimeout is { } refresh) o.TableRefreshTimeout = refresh;
        });
        if (cluster.KubernetesHosting) silo.UseKubernetesHosting();
        return silo;
    }
}
