using System.Net;
using System.Text;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>
/// A STUB of OPA's Data API on loopback (no OPA server runs on this machine): answers every POST with
/// <c>{"result": [...]}</c> holding the deny messages currently set, and counts the queries.
/// </summary>
public sealed class OpaStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private int _queries;

    public OpaStub()
    {
        var port = FreePorts.Next();
        Url = $"http://127.0.0.1:{port}/v1/data/controlplane/admission/deny";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Serve();
    }

    public string Url { get; }

    private volatile string[] _denyMessages = [];

    /// <summary>What the stub's rule answers; empty allows.</summary>
    public IReadOnlyList<string> DenyMessages
    {
        get => _denyMessages;
        set => _denyMessages = [.. value];
    }

    public int Queries => Volatile.Read(ref _queries);

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            Interlocked.Increment(ref _queries);
            var messages = string.Join(",", DenyMessages.Select(m => $"\"{m}\""));
            var body = Encoding.UTF8.GetBytes($"{{\"result\":[{messages}]}}");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
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
