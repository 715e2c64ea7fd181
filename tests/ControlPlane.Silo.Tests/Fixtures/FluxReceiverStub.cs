using System.Collections.Concurrent;
using System.Net;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>A STUB of a Flux notification-controller Receiver on loopback: records each call's X-Signature and body.</summary>
public sealed class FluxReceiverStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public FluxReceiverStub()
    {
        var port = FreePorts.Next();
        // Like a real Receiver's path, a digest that only its token's holders know.
        Url = $"http://127.0.0.1:{port}/hook/{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Serve();
    }

    public string Url { get; }

    public ConcurrentQueue<(string? Signature, byte[] Body)> Calls { get; } = new();

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Calls.Enqueue((context.Request.Headers["X-Signature"], body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
