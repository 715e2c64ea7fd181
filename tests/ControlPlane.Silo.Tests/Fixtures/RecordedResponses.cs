using System.Collections.Concurrent;
using System.Text;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>Every response a test's clients received: the request line, status, all headers and the body.</summary>
public sealed class RecordedResponses
{
    private readonly ConcurrentQueue<(string Request, string Text)> _responses = new();

    public IReadOnlyCollection<(string Request, string Text)> All => _responses;

    /// <summary>A new handler for one client (a handler belongs to one pipeline) that records into this list.</summary>
    public DelegatingHandler Handler() => new Recorder(_responses);

    private sealed class Recorder(ConcurrentQueue<(string, string)> responses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var text = new StringBuilder().Append((int)response.StatusCode).Append('\n');
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                text.Append(name).Append(": ").AppendJoin(", ", values).Append('\n');
            text.Append('\n').Append(await response.Content.ReadAsStringAsync(cancellationToken));
            responses.Enqueue(($"{request.Method} {request.RequestUri?.PathAndQuery} -> {(int)response.StatusCode}", text.ToString()));
            return response;
        }
    }
}
