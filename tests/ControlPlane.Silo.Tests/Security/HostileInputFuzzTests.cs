using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;
using CsCheck;
using Xunit.Abstractions;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>
/// Thousands of random and adversarial requests at every POST and PUT endpoint: each is answered 2xx or 4xx,
/// every refusal is a problem that says why, and the repository left behind is sound and buildable.
/// </summary>
public sealed class HostileInputFuzzTests(FuzzedPlane plane, ITestOutputHelper output) : IClassFixture<FuzzedPlane>, IDisposable
{
    /// <summary>
    /// One property per endpoint with its own fixed seed, so a run is repeatable; in this order so that
    /// versions meet registered models and rollbacks meet rollouts in progress.
    /// </summary>
    private static readonly (Gen<HostileRequest> Requests, string Seed, int Cases)[] Properties =
    [
        (HostileRequests.PutCluster, "0000000000001", 500),
        (HostileRequests.PutBudget, "0000000000002", 500),
        (HostileRequests.GpuSignals, "0000000000006", 600),
        (HostileRequests.DriftSignals, "0000000000007", 600),
        (HostileRequests.PutModel, "0000000000003", 1000),
        (HostileRequests.ProposeVersion, "0000000000004", 600),
        (HostileRequests.Rollback, "0000000000005", 600),
        (HostileRequests.PathSegments, "0000000000008", 600),
        // All endpoints interleaved: signals meet rollouts, registrations meet changed clusters and budgets.
        (Gen.OneOf(HostileRequests.PutCluster, HostileRequests.PutBudget, HostileRequests.GpuSignals, HostileRequests.DriftSignals,
            HostileRequests.PutModel, HostileRequests.ProposeVersion, HostileRequests.Rollback, HostileRequests.PathSegments), "0000000000009", 1500),
    ];

    /// <summary>Versions that pass validation yet look like a number, a bool, null or a date to a YAML reader.</summary>
    private static readonly string[] TrickyVersions = ["007", "1e3", "yes", "null", "0x1F", "2026-01-17", "1_000", "NaN", "true", "0o17", "12_30", "Infinity", "1.0", "0", "On", "y"];

    private const string SweepNamespace = "fz-sweep";

    private readonly HttpClient _client = plane.Client;
    private readonly TempDataDirectory _work = new();
    private readonly Dictionary<string, EndpointTally> _tallies = new(StringComparer.Ordinal);

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task HostileRequests_EveryBodyEndpoint_AnswerWithoutServerErrorAndLeaveTheRepositorySound()
    {
        var clock = Stopwatch.StartNew();
        await RegisterKnownNamesAsync();

        foreach (var (requests, seed, cases) in Properties)
            await requests.SampleAsync(async request => await SendAsync(request), output.WriteLine, seed: seed, iter: cases, threads: 1, print: r => r.ToString());

        foreach (var (endpoint, tally) in _tallies.OrderBy(t => t.Key, StringComparer.Ordinal))
            output.WriteLine($"{endpoint}: {tally}\n{tally.FirstAnswers}");
        output.WriteLine($"{_tallies.Values.Sum(t => t.Sent)} requests in {clock.Elapsed.TotalSeconds:0.0} s");
        // Some cases of every body endpoint must get through the parser, the rules and the grains, or the fuzz proved little.
        Assert.All(_tallies.Where(t => t.Key.Contains('/', StringComparison.Ordinal)), t => Assert.True(t.Value.Accepted > 0, $"{t.Key}: nothing was accepted ({t.Value})"));
        Assert.True(_tallies.Values.Sum(t => t.Sent) >= 2000);

        var annotations = await SweepAnnotationsAsync();
        var versions = await SweepVersionsAsync();

        await Eventually.Until(async () => (int?)(await _client.GetJsonAsync("/api/v1/gitops"))["pendingChanges"] == 0,
            TimeSpan.FromSeconds(120), "the writer having no pending changes");
        var (clone, models) = await RepositoryAudit.AssertSoundAsync(plane.Factory.RepositoryPath, _work);
        Assert.True(models > 0, "the fuzz registered no model, so the repository check proved nothing.");

        var cluster = HostileRequests.HomeClusters[0];
        var committed = await File.ReadAllTextAsync(Path.Combine(clone, "clusters", cluster, SweepNamespace, "annotations", "deployment.yaml"));
        AssertSameAnnotations(annotations, RenderedDeployment.Find(committed, SweepNamespace, "annotations").PodAnnotations);
        var built = await ProcessRunner.RunAsync("kubectl", ["kustomize", $"clusters/{cluster}"], clone);
        // NEL, which kustomize writes raw and YAML 1.1 and 1.2 readers read differently, is refused at the door with CR, U+2028 and U+2029.
        Assert.DoesNotContain(annotations.Values, v => v.AsSpan().IndexOfAny("\r\u0085\u2028\u2029") >= 0);
        AssertSameAnnotations(annotations, RenderedDeployment.Find(built.Stdout, SweepNamespace, "annotations").PodAnnotations);
        foreach (var (i, version) in versions)
        {
            var deployment = RenderedDeployment.Find(built.Stdout, SweepNamespace, $"v{i}");
            Assert.Equal(version, deployment.VersionLabel);
            Assert.Equal($"registry.example.com/risk/fraud-mm:{version}", deployment.Image);
        }
        output.WriteLine($"read back: {annotations.Count} annotations, {versions.Count} versions");
        output.WriteLine($"{models} model folders; {clock.Elapsed.TotalSeconds:0.0} s in all");
    }

    /// <summary>The clusters, budget and models the generated requests name, so that valid ones can succeed.</summary>
    private async Task RegisterKnownNamesAsync()
    {
        var cluster = Bodies.Cluster(capacity: 100_000);
        cluster["pools"]!.AsArray().Add(new JsonObject { ["gpuType"] = "nvidia-h100", ["capacity"] = 100_000, ["onDemandPricePerGpuHour"] = 4.0 });
        foreach (var name in HostileRequests.HomeClusters)
        {
            using var response = await _client.PutAsync($"/api/v1/clusters/{name}", cluster);
            await Gateway.OkJson(response, HttpStatusCode.OK);
        }
        using (var response = await _client.PutAsync($"/api/v1/budgets/{HostileRequests.HomeBudget}", Bodies.Budget(limit: 1e9)))
            await Gateway.OkJson(response, HttpStatusCode.OK);
        for (var i = 0; i < HostileRequests.Models.Length; i++)
        {
            var spec = Bodies.Model(HostileRequests.HomeClusters[i % 2], HostileRequests.HomeBudget);
            using var response = await _client.PutAsync($"/api/v1/models/{HostileRequests.Models[i]}", spec);
            await Gateway.OkJson(response, HttpStatusCode.Created);
        }
    }

    /// <summary>
    /// Adds each adversarial string as an annotation value of one model, keeping those the plane accepts, so that
    /// the final repository holds every one of them at once for kustomize to read back.
    /// </summary>
    private async Task<Dictionary<string, string>> SweepAnnotationsAsync()
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal) { ["ai-alignment-report-id"] = "AR-2026-0117" };
        for (var i = 0; i < HostileJson.Adversarial.Length; i++)
        {
            // A lone surrogate cannot be serialized as sent (the writer substitutes U+FFFD); JsonBodyTests sends it raw.
            if (System.Text.Encoding.UTF8.GetString(HostileJson.Utf8(HostileJson.Adversarial[i])) != HostileJson.Adversarial[i]) continue;
            var candidate = new Dictionary<string, string>(kept, StringComparer.Ordinal) { [$"fuzz.example.com/v{i}"] = HostileJson.Adversarial[i] };
            var spec = Bodies.Model(HostileRequests.HomeClusters[0], HostileRequests.HomeBudget);
            spec["annotations"] = JsonSerializer.SerializeToNode(candidate);
            var request = new HostileRequest("annotation sweep", HttpMethod.Put, $"/api/v1/models/{SweepNamespace}/annotations", HostileJson.Utf8(spec.ToJsonString()), $"annotation v{i}");
            if (await SendAsync(request) < 300) kept = candidate;
        }
        return kept;
    }

    private static void AssertSameAnnotations(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string?> rendered) =>
        Assert.Equal(expected.Select(a => $"{a.Key}={a.Value}").Order(StringComparer.Ordinal), rendered.Select(a => $"{a.Key}={a.Value}").Order(StringComparer.Ordinal));

    /// <summary>Registers one model per tricky version; returns the versions the plane accepted, by index.</summary>
    private async Task<List<(int Index, string Version)>> SweepVersionsAsync()
    {
        var accepted = new List<(int, string)>();
        for (var i = 0; i < TrickyVersions.Length; i++)
        {
            var spec = Bodies.Model(HostileRequests.HomeClusters[0], HostileRequests.HomeBudget, version: TrickyVersions[i]);
            var request = new HostileRequest("version sweep", HttpMethod.Put, $"/api/v1/models/{SweepNamespace}/v{i}", HostileJson.Utf8(spec.ToJsonString()), "tricky version");
            if (await SendAsync(request) < 300) accepted.Add((i, TrickyVersions[i]));
        }
        return accepted;
    }

    private async Task<int> SendAsync(HostileRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, Gateway.Url(request.Path)) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _client.SendAsync(message);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Tally(request.Endpoint).Count(status, text);

        Assert.True(status is >= 200 and < 300 or >= 400 and < 500, $"{request}\nanswered {status}: {text}");
        if (status < 400) return status;
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{request}\nanswered {status} as {response.Content.Headers.ContentType}: {text}");
        var detail = (string?)JsonNode.Parse(text)?["detail"];
        Assert.False(string.IsNullOrWhiteSpace(detail), $"{request}\nanswered {status} without a detail: {text}");
        return status;
    }

    private EndpointTally Tally(string endpoint)
    {
        if (!_tallies.TryGetValue(endpoint, out var tally)) _tallies[endpoint] = tally = new EndpointTally();
        return tally;
    }

    /// <summary>How many requests an endpoint got and what it answered.</summary>
    private sealed class EndpointTally
    {
        private readonly SortedDictionary<int, int> _statuses = [];
        private readonly SortedDictionary<int, string> _firstAnswers = [];

        public int Sent { get; private set; }

        public int Accepted => _statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);

        public void Count(int status, string answer)
        {
            Sent++;
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            _firstAnswers.TryAdd(status, answer.Length > 300 ? answer[..300] : answer);
        }

        public override string ToString() => $"{Sent} sent, {Accepted} accepted; " + string.Join(", ", _statuses.Select(s => $"{s.Key}×{s.Value}"));

        /// <summary>The first answer of each status, to see at a glance which rule the cases reached.</summary>
        public string FirstAnswers => string.Join("\n", _firstAnswers.Select(a => $"  {a.Key}: {a.Value}"));
    }
}
