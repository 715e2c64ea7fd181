using System.Security.Cryptography;
using System.Text;

namespace ControlPlane.GitOps;

/// <summary>
/// Tells a Flux notification-controller Receiver that the branch moved, so Flux fetches now rather than
/// at its next interval. <c>generic-hmac</c> signs the exact body: <c>X-Signature: sha256=&lt;hex&gt;</c>.
/// A failure is a value for the caller to log and retry; it never stops the plane.
/// </summary>
public sealed class FluxReceiver(HttpClient http, Uri url, string type, Func<string?> token, TimeSpan timeout)
{
    public const string Generic = "generic";
    public const string GenericHmac = "generic-hmac";

    /// <summary>Null when the Receiver accepted the call, else why not (never the token or the body).</summary>
    public async Task<string?> NotifyAsync(string repository, string branch, string head, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { source = "controlplane", repository, branch, head }));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (type == GenericHmac)
            request.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token() ?? ""), body)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            return response.IsSuccessStatusCode ? null : $"the Receiver answered HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"the Receiver did not answer within {timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException ex)
        {
            return $"the Receiver could not be reached: {ex.HttpRequestError}";
        }
    }
}
