using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ControlPlane.Policies.Tests.Fixtures;

/// <summary>
/// A stub of OPA's Data API (POST /v1/data/{path} with {"input": ...} answers {"result": ...}) on 127.0.0.1:
/// no OPA server runs here. It answers each request as <see cref="Answer"/> says and records what was posted.
/// </summary>
internal sealed class OpaDataApiStub : IAsyncDisposable
{
    public const string RulePath = "/v1/data/controlplane/admission/deny";

    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<OpaStubRequest> _requests = new();
    private readonly ConcurrentBag<Task> _handlers = [];
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _serving;

    private OpaDataApiStub(HttpListener listener, int port)
    {
        _listener = listener;
        RuleUrl = new Uri($"http://127.0.0.1:{port}{RulePath}");
        _serving = ServeAsync();
    }

    public Uri RuleUrl { get; }

    /// <summary>Decides each answer from the request; allows everything until told otherwise.</summary>
    public Func<OpaStubRequest, OpaStubAnswer> Answer { get; set; } = _ => OpaStubAnswer.Allow;

    public IReadOnlyList<OpaStubRequest> Requests => [.. _requests];

    /// <summary>Completes when the first request has been recorded, before it is answered.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public static OpaDataApiStub Start()
    {
        // The free port is found by binding port 0; another process may take it before the listener does, so try again.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new OpaDataApiStub(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>A loopback port nothing listens on (for an OPA that cannot be reached).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Cancelling first ends delayed answers at once, so a test never waits for them.
        await _stopping.CancelAsync();
        _listener.Close();
        await _serving;
        await Task.WhenAll(_handlers);
        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _handlers.Add(HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                body = await reader.ReadToEndAsync(_stopping.Token);
            var request = new OpaStubRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, body);
            _requests.Enqueue(request);
            _firstRequest.TrySetResult();
            var answer = Answer(request);
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, _stopping.Token);
            response.StatusCode = answer.Status;
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(answer.Body), _stopping.Token);
            response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // Stopped, or the client gave up waiting (the timeout tests): nobody is left to answer.
            response.Abort();
        }
    }
}
