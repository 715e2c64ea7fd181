using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Cluster.Tests;

/// <summary>Redis killed and started again on its append-only file while the silos take requests.</summary>
public sealed class RedisRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RestartRedis_UnderLoad_KeepsStateAndTakesNewRegistrations()
    {
        await using var cluster = await RedisCluster.StartAsync();
        var driver = new RegistrationDriver(cluster.Silos, "redis");
        using var stop = new CancellationTokenSource();
        var load = driver.RunAsync(workers: 2, stop.Token);
        await Eventually.Until(() => Task.FromResult(driver.Registered.Count >= 10), Deadline, "10 registrations before Redis goes");

        cluster.Redis.Kill();
        var whileDown = driver.Registered.Count;
        await cluster.Redis.StartAgainAsync();
        await Eventually.Until(() => Task.FromResult(driver.Registered.Count >= whileDown + 10), Deadline, $"10 registrations after Redis is back\n{cluster.Describe()}");
        await stop.CancelAsync();
        await load;

        Assert.Equal(3, cluster.Running.Count());
        foreach (var silo in cluster.Silos)
        {
            var listed = await Eventually.Until(() => silo.Client.GetFromJsonAsync<JsonArray>("/api/v1/models"),
                l => l is not null && driver.Registered.All(m => l.ToJsonString().Contains($"\"{m}\"", StringComparison.Ordinal)), Deadline,
                $"every acknowledged model listed by the silo on {silo.HttpPort}");
            Assert.NotNull(listed);
        }
        await Task.WhenAll(driver.Registered.Select((model, i) => Eventually.Until(
            async () => await cluster.Silos[i % 3].StatusAsync($"/api/v1/models/{model}") == HttpStatusCode.OK, Deadline, $"{model} answering")));
    }
}
