using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace ControlPlane.Cluster.Tests.Fixtures;

/// <summary>
/// Registers models and sends a GPU sample for each, round-robin through the gateways it is given, until stopped.
/// Records which registrations got a 2xx and every status code seen (a refused connection has none).
/// </summary>
public sealed class RegistrationDriver(IReadOnlyList<SiloProcess> gateways, string prefix)
{
    private readonly ConcurrentQueue<string> _registered = new();
    private readonly ConcurrentQueue<(string Request, int Status)> _responses = new();
    private int _next;

    /// <summary>Model ids (<c>namespace/name</c>) whose registration answered 2xx.</summary>
    public IReadOnlyCollection<string> Registered => _registered;

    public IReadOnlyCollection<(string Request, int Status)> Responses => _responses;

    /// <summary>Runs <paramref name="workers"/> loops until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => Loop(stop), CancellationToken.None)));

    private async Task Loop(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _next);
            var gateway = gateways[n % gateways.Count];
            var model = $"team-{prefix}/m-{n}";
            if (await SendAsync(gateway, $"PUT {model}", c => c.PutAsJsonAsync($"/api/v1/models/{model}", RedisCluster.Model())) is >= 200 and < 300)
                _registered.Enqueue(model);
            // The sample goes in through another gateway than the registration: its model may live on any silo.
            await SendAsync(gateways[(n + 1) % gateways.Count], $"POST gpu {model}", c => c.PostAsJsonAsync("/api/v1/signals/gpu", RedisCluster.GpuSample(model, 55)));
        }
    }

    private async Task<int?> SendAsync(SiloProcess gateway, string what, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        try
        {
            using var response = await send(gateway.Client);
            _responses.Enqueue(($"{what} via {gateway.HttpPort}", (int)response.StatusCode));
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // the gateway is gone: no response
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}
