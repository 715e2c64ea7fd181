using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Cluster.Tests;

/// <summary>Three silo processes on Redis: a silo that dies (SIGKILL) loses nothing that was acknowledged.</summary>
public sealed class SiloFailureTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KillWriterHost_UnderLoad_KeepsEveryAcknowledgedRegistrationAndCommitsEachDecisionOnce()
    {
        await using var cluster = await RedisCluster.StartAsync();
        var writer = await cluster.WriterHostAsync();
        var driver = new RegistrationDriver(cluster.Silos, "kill");
        using var stop = new CancellationTokenSource();
        var load = driver.RunAsync(workers: 3, stop.Token);
        await Eventually.Until(() => Task.FromResult(driver.Registered.Count >= 15), Deadline, "15 registrations before the kill");

        writer.Process.Kill();
        var atKill = driver.Registered.Count;
        await Eventually.Until(() => Task.FromResult(driver.Registered.Count >= atKill + 15), Deadline, $"15 more registrations after the kill\n{cluster.Describe()}");
        await stop.CancelAsync();
        await load;

        var survivors = cluster.Running.ToList();
        Assert.Equal(2, survivors.Count);
        // Every acknowledged registration is there, and its grain answers from a survivor (wherever it lived before).
        await Task.WhenAll(driver.Registered.Select((model, i) => Eventually.Until(
            async () => await survivors[i % 2].StatusAsync($"/api/v1/models/{model}") == HttpStatusCode.OK, Deadline, $"{model} answering")));
        // A sample sent through one survivor reaches each model, whichever silo hosts it.
        await Task.WhenAll(driver.Registered.Select((model, i) => Eventually.Until(async () =>
        {
            using var _ = await survivors[i % 2].Client.PostAsJsonAsync("/api/v1/signals/gpu", RedisCluster.GpuSample(model, 61));
            var view = await survivors[(i + 1) % 2].Client.GetFromJsonAsync<JsonObject>($"/api/v1/models/{model}");
            return view?["lastSampleAt"] is not null;
        }, Deadline, $"a sample reaching {model}")));

        // The writer resumed on a survivor: a decision made after the kill reaches the remote.
        const string after = "team-kill/after-the-kill";
        await Eventually.Until(async () => (await survivors[0].Client.PutAsJsonAsync($"/api/v1/models/{after}", RedisCluster.Model())).IsSuccessStatusCode,
            Deadline, "a registration after the kill");
        await Eventually.Until(async () => (await cluster.RemoteModelsAsync()).Contains(after), Deadline, $"{after} committed to the remote\n{cluster.Describe()}");

        var ids = await cluster.RemoteDecisionIdsAsync();
        Assert.Empty(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        (await GitCli.RunAsync(cluster.Remote, "fsck", "--strict")).EnsureSuccess();
    }
}
