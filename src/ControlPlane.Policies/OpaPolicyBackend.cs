using System.Globalization;
using System.Net.Http.Headers;

namespace ControlPlane.Policies;

/// <summary>An optional external policy backend: asks an OPA deny rule about each object through OPA's Data API, and fails closed.</summary>
/// <remarks>
/// Each object is posted as <c>{"input": AdmissionReview}</c>, as OPA's Kubernetes admission policies expect, to a rule whose result is
/// the set of deny messages. Every answer that is not such a set (an error status, a timeout, an undefined rule) is a denial saying why.
/// </remarks>
public sealed class OpaPolicyBackend
{
    /// <summary>Names this backend as the policy in the violations it reports.</summary>
    public const string PolicyName = "opa";

    private readonly HttpClient _http;
    private readonly Uri _ruleUrl;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <param name="http">Sends the queries; its own timeout applies as well.</param>
    /// <param name="ruleUrl">The Data API URL of the deny rule, e.g. <c>http://127.0.0.1:8181/v1/data/controlplane/admission/deny</c>.</param>
    /// <param name="timeout">How long each object's query may take before the object is denied.</param>
    /// <param name="timeProvider">Runs the timeout; the system clock when null.</param>
    public OpaPolicyBackend(HttpClient http, Uri ruleUrl, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(ruleUrl);
        if (!ruleUrl.IsAbsoluteUri || ruleUrl.Scheme is not ("http" or "https"))
            throw new ArgumentException("The OPA rule URL must be an absolute http or https URL.", nameof(ruleUrl));
        // An unbounded wait would hold the gate open on an OPA that never answers.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        (_http, _ruleUrl, _timeout, _time) = (http, ruleUrl, timeout, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Asks the rule about every object in the manifests (each one rendered YAML text), one query per object.</summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="ct"/> is cancelled; every other failure is a denial.</exception>
    public async Task<PolicyVerdict> EvaluateAsync(IEnumerable<string> manifests, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var denials = new List<PolicyViolation>();
        var number = 0;
        foreach (var manifest in manifests)
        {
            number++;
            foreach (var (resource, manifestObject, error) in ManifestObjects.Read(manifest, number))
            {
                if (resource is null || manifestObject is null)
                {
                    denials.Add(new PolicyViolation(PolicyName, $"manifest {number}", error!));
                    continue;
                }
                foreach (var message in await AskAsync(resource, manifestObject, ct))
                    denials.Add(new PolicyViolation(PolicyName, resource.Description, message));
            }
        }
        return new PolicyVerdict(denials, [], []);
    }

    private async Task<IReadOnlyList<string>> AskAsync(ObjectResource resource, Dictionary<string, object?> manifest, CancellationToken ct)
    {
        var (body, error) = AdmissionReviewInput.Write(resource, manifest, Guid.NewGuid().ToString());
        if (body is null) return [NoDecision($"the object was not sent: {error}")];
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(_ruleUrl, content, linked.Token);
            var answer = await response.Content.ReadAsByteArrayAsync(linked.Token);
            if (!response.IsSuccessStatusCode)
                return [NoDecision($"OPA answered HTTP {(int)response.StatusCode}{(OpaAnswer.ErrorCode(answer) is { } code ? $" ({code})" : "")}")];
            var (messages, problem) = OpaAnswer.Read(answer, _ruleUrl.AbsolutePath);
            return messages ?? [NoDecision(problem!)];
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return [NoDecision(timeout.IsCancellationRequested
                ? string.Create(CultureInfo.InvariantCulture, $"OPA did not answer within the {_timeout.TotalMilliseconds} ms timeout")
                : "the HTTP client's own timeout ran out before OPA answered")];
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The exception's message names the endpoint and the transport error, never the body sent.
            return [NoDecision($"OPA could not be reached: {e.Message}")];
        }
    }

    private static string NoDecision(string reason) => $"denied because OPA gave no decision to trust: {reason}";
}
