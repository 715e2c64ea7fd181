namespace ControlPlane.Cluster.Tests;

/// <summary>SIGTERM stops a silo gracefully: readiness first, then the gateway after in-flight requests, then it leaves the cluster.</summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_UnderLoad_NoRequestGetsA5xxAndTheSiloExitsCleanly()
    {
        await using var cluster = await RedisCluster.StartAsync();
        var leaving = cluster.Silos[^1];
        var driver = new RegistrationDriver(cluster.Silos, "term");
        using var stop = new CancellationTokenSource();
        var load = driver.RunAsync(workers: 3, stop.Token);
        await Eventually.Until(() => Task.FromResult(driver.Registered.Count >= 10), Deadline, "10 registrations before SIGTERM");

        await leaving.Process.TerminateAsync();
        var exit = await leaving.Process.WaitForExitAsync(Deadline);
        var atExit = driver.Registered.Count;
        await Eventually.Until(() => Task.FromResult(driver.Registered.Count >= atExit + 10), Deadline, $"10 registrations after the silo left\n{cluster.Describe()}");
        await stop.CancelAsync();
        await load;

        Assert.True(exit == 0, $"exit {exit}\n{leaving.Process.Output}");
        var failed = driver.Responses.Where(r => r.Status >= 500).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {driver.Responses.Count} responses were 5xx, e.g. {string.Join(", ", failed.Take(5))}\n{cluster.Describe()}");
    }
}
