using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ControlPlane.Core.Decisions;
using ControlPlane.Core.FinOps;

namespace ControlPlane.Silo.FinOps;

/// <summary>
/// Sends FinOps events to <c>ControlPlane:FinOps:WebhookUrl</c> as JSON POSTs, off the grains' turns: grains enqueue
/// (a bounded queue, never waiting) and one background sender delivers, with a timeout per attempt and retries with
/// doubling backoff. When a secret file is configured the exact body is signed: <c>X-ControlPlane-Signature: sha256=&lt;hex&gt;</c>.
/// Failures are logged and counted, never fatal; neither the secret nor the URL (which may carry a token) is logged.
/// </summary>
public sealed partial class FinOpsWebhook : BackgroundService, IFinOpsEventSink
{
    public const string SignatureHeader = "X-ControlPlane-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly FinOpsOptions _options;
    private readonly Uri _url;
    private readonly TimeProvider _time;
    private readonly ILogger<FinOpsWebhook> _logger;
    private readonly Channel<Decision> _queue;

    public FinOpsWebhook(HttpClient http, IOptions<FinOpsOptions> options, TimeProvider time, ILogger<FinOpsWebhook> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _url = new Uri(_options.WebhookUrl, UriKind.Absolute);
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<Decision>(new BoundedChannelOptions(_options.WebhookQueueCapacity) { SingleReader = true });
    }

    public void Publish(Decision finOpsEvent)
    {
        ArgumentNullException.ThrowIfNull(finOpsEvent);
        if (_queue.Writer.TryWrite(finOpsEvent)) return;
        ControlPlaneMetrics.WebhookDeliveries.WithLabels("dropped").Inc();
        LogDropped(finOpsEvent.Id, finOpsEvent.Kind);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var finOpsEvent in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DeliverAsync(finOpsEvent, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A fault in one delivery must not stop the sender (or, by the host's default, the process).
                ControlPlaneMetrics.WebhookDeliveries.WithLabels("failed").Inc();
                LogFault(ex, finOpsEvent.Id);
            }
        }
    }

    /// <summary>Tries the event up to the configured attempts; the body (and so the signature) is the same on every attempt.</summary>
    private async Task DeliverAsync(Decision finOpsEvent, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(FinOpsWebhookPayload.Of(finOpsEvent), Json);
        var delay = _options.WebhookRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var failure = await SendAsync(body, ct);
            if (failure is null)
            {
                ControlPlaneMetrics.WebhookDeliveries.WithLabels("delivered").Inc();
                return;
            }
            if (attempt >= _options.WebhookMaxAttempts)
            {
                ControlPlaneMetrics.WebhookDeliveries.WithLabels("failed").Inc();
                LogGaveUp(finOpsEvent.Id, finOpsEvent.Kind, attempt, failure);
                return;
            }
            ControlPlaneMetrics.WebhookDeliveries.WithLabels("retried").Inc();
            LogRetry(finOpsEvent.Id, attempt, failure, delay);
            await Task.Delay(delay, _time, ct);
            delay *= 2;
        }
    }

    /// <summary>Null when the receiver answered 2xx, else why not.</summary>
    private async Task<string?> SendAsync(byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        try
        {
            if (_options.WebhookSecretFile.Length > 0)
                request.Headers.Add(SignatureHeader, Signature(await File.ReadAllTextAsync(_options.WebhookSecretFile, ct), body));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the secret file could not be read: {ex.GetType().Name}";
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.WebhookTimeout);
        try
        {
            using var response = await _http.SendAsync(request, deadline.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {_options.WebhookTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException ex)
        {
            return $"unreachable: {ex.HttpRequestError}";
        }
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body under the secret (trailing newline trimmed).</summary>
    public static string Signature(string secret, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim()), body));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "FinOps webhook queue is full; event {EventId} ({Kind}) was dropped")]
    private partial void LogDropped(string eventId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "FinOps webhook attempt {Attempt} for event {EventId} failed ({Failure}); retrying in {Delay}")]
    private partial void LogRetry(string eventId, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "FinOps webhook delivery of event {EventId} failed unexpectedly")]
    private partial void LogFault(Exception ex, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FinOps webhook gave up on event {EventId} ({Kind}) after {Attempts} attempts: {Failure}")]
    private partial void LogGaveUp(string eventId, string kind, int attempts, string failure);
}
