using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;
using CsCheck;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>
/// For each POST and PUT endpoint, valid requests against names the plane knows, then mutated by
/// <see cref="HostileJson"/>; and valid bodies sent to adversarial path segments.
/// </summary>
public static class HostileRequests
{
    public static readonly string[] HomeClusters = ["home-a", "home-b"];
    public const string HomeBudget = "home";
    public static readonly string[] FuzzedClusters = ["fz-c1", "fz-c2"];
    public static readonly string[] FuzzedBudgets = ["fz-b1", "fz-b2", "fz-b3"];
    public static readonly string[] Models = ["fz-a/m1", "fz-a/m2", "fz-a/m3", "fz-b/m1", "fz-b/m2", "fz-b/m3"];

    /// <summary>Path segments as they go into the URL: traversal, encoded separators and controls, look-alikes, bad labels.</summary>
    public static readonly string[] RawSegments =
    [
        "..", ".", "%2e%2e", "%2E%2E", "..%2Fx", "..%2fx", "%2F", "a%2Fb", "%252e%252e", "....%2F%2F", "..;", "a%5Cb", "%5C..%5C",
        "a%0Akind:%20Secret", "ns%0A", "%0D%0A", "x:%20%7C%0A%20%20y", "%7B%7B", "%22", "%23", "%3F", "%25", "a%20b", "a;b",
        "%E2%80%AE", "%EF%BD%8E%EF%BD%93", "n%D1%95", "%C0%AF", "%FF", "%E2%80%8B", "~", "UPPER", "under_score", "-dash", "dash-", "a..b",
        new string('a', 64), "x" + new string('.', 100),
    ];

    private static readonly string[] GpuTypes = [Bodies.GpuType, "nvidia-h100", "nvidia-l4"];

    private static readonly Gen<(string Key, byte[] Value)> AnnotationEntries = Gen.Select(
        Gen.Frequency(
            (3, Gen.OneOf("example.com/note", "note", "a.b/c_d", "controlplane.io/rollout-phase", "app.kubernetes.io/version", "x", "A-1.b_2")),
            (1, HostileJson.Strings)),
        HostileJson.StringTokens);

    public static Gen<HostileRequest> PutCluster { get; } =
        Gen.Select(Gen.OneOf(FuzzedClusters), Gen.Int[0, 64], Gen.OneOf(GpuTypes), Gen.OneOf(0.0, 2.5, 10_000))
            .SelectMany((name, capacity, gpu, price) => Mutated("PUT clusters/{name}", HttpMethod.Put, $"/api/v1/clusters/{name}", Bodies.Cluster(capacity, gpu, price)));

    public static Gen<HostileRequest> PutBudget { get; } =
        Gen.Select(Gen.OneOf(FuzzedBudgets), Gen.OneOf(10_000.0, 1, 1e12), Gen.OneOf("daily", "weekly", "monthly"))
            .SelectMany((name, limit, period) => Mutated("PUT budgets/{name}", HttpMethod.Put, $"/api/v1/budgets/{name}", Bodies.Budget(limit, period)));

    public static Gen<HostileRequest> PutModel { get; } =
        Gen.Select(
                Gen.OneOf(Models),
                Gen.Frequency((8, Gen.OneOf(HomeClusters)), (1, Gen.OneOf(FuzzedClusters))),
                Gen.Frequency((8, Gen.Const(HomeBudget)), (1, Gen.OneOf(FuzzedBudgets))),
                Gen.Int[1, 3],
                Gen.Int[3, 8],
                Gen.OneOf("1.4.2", "1.5.0"))
            .SelectMany((model, cluster, budget, min, max, version) => Mutated("PUT models/{ns}/{name}", HttpMethod.Put, $"/api/v1/models/{model}",
                Bodies.Model(cluster, budget, min, max, 70, version), AnnotationEntries));

    public static Gen<HostileRequest> ProposeVersion { get; } =
        Gen.Select(
                Gen.OneOf(Models),
                Gen.OneOf("2.0.0", "2.1.0", "1.4.2", "3.0.0-rc.1"),
                Gen.Frequency(
                    (2, Gen.Const(() => (JsonObject?)null)),
                    (1, Gen.Const(() => (JsonObject?)new JsonObject { ["latency"] = new JsonObject { ["values"] = new JsonArray(1.0, 2.5, 3.0) } })),
                    (1, Gen.Const(() => (JsonObject?)new JsonObject { ["country"] = new JsonObject { ["counts"] = new JsonObject { ["de"] = 10, ["fr"] = 5 } } }))))
            .SelectMany((model, version, reference) => Mutated("POST models/{ns}/{name}/versions", HttpMethod.Post, $"/api/v1/models/{model}/versions",
                Bodies.VersionProposal(version, "AR-2026-0200", reference)));

    public static Gen<HostileRequest> Rollback { get; } =
        Gen.Select(Gen.OneOf(Models), Gen.OneOf<string?>(null, "1.4.2", "2.0.0", "9.9.9"))
            .SelectMany((model, to) => Mutated("POST models/{ns}/{name}/rollback", HttpMethod.Post, $"/api/v1/models/{model}/rollback",
                Bodies.Rollback("fuzz: operator rollback", to)));

    public static Gen<HostileRequest> GpuSignals { get; } =
        Gen.Select(Gen.Frequency((6, Gen.OneOf(Models)), (1, Gen.Const("fz-a/unknown"))), Gen.Double[0, 100]).Array[1, 3]
            .SelectMany(samples => Mutated("POST signals/gpu", HttpMethod.Post, "/api/v1/signals/gpu",
                new JsonArray([.. samples.Select(s => (JsonNode?)Bodies.GpuSample(s.Item1, s.Item2))])));

    public static Gen<HostileRequest> DriftSignals { get; } =
        Gen.Select(Gen.OneOf(Models), Gen.Bool, Gen.Double[0, 0.5]).Array[1, 3]
            .SelectMany(samples => Mutated("POST signals/drift", HttpMethod.Post, "/api/v1/signals/drift",
                new JsonArray([.. samples.Select(s => (JsonNode?)(s.Item2
                    ? Bodies.RawDriftSample(s.Item1, "1.4.2", "latency", 1, 2.5, 3)
                    : Bodies.DriftSample(s.Item1, "1.4.2", value: s.Item3)))])));

    /// <summary>Valid bodies sent with one path segment replaced by an adversarial one.</summary>
    public static Gen<HostileRequest> PathSegments { get; } =
        Gen.Select(
                Gen.Int[0, 6],
                Gen.Frequency((3, Gen.OneOf(RawSegments)), (2, HostileJson.Strings.Where(s => s.Length < 1000).Select(Escaped))),
                Gen.Bool)
            // The in-process test server throws on %00 in a path, where Kestrel answers 400 before the plane sees it.
            .Where((_, segment, _) => !segment.Contains("%00", StringComparison.Ordinal) && Uri.TryCreate(new Uri("http://localhost/"), segment, out _))
            .Select((route, segment, first) => WithSegment(route, segment, first));

    private static HostileRequest WithSegment(int route, string segment, bool first)
    {
        var (ns, name) = first ? (segment, "m1") : ("fz-a", segment);
        return route switch
        {
            0 => Valid(HttpMethod.Put, $"/api/v1/models/{ns}/{name}", Bodies.Model(HomeClusters[0], HomeBudget)),
            1 => Valid(HttpMethod.Post, $"/api/v1/models/{ns}/{name}/versions", Bodies.VersionProposal()),
            2 => Valid(HttpMethod.Post, $"/api/v1/models/{ns}/{name}/rollback", Bodies.Rollback()),
            3 => Valid(HttpMethod.Put, $"/api/v1/budgets/{segment}", Bodies.Budget()),
            4 => Valid(HttpMethod.Put, $"/api/v1/clusters/{segment}", Bodies.Cluster()),
            5 => Valid(HttpMethod.Post, $"/api/v1/signals/{segment}", new JsonArray(Bodies.GpuSample(Models[0], 50))),
            _ => Valid(HttpMethod.Post, $"/api/v1/signals/gpu/{segment}", new JsonArray(Bodies.GpuSample(Models[0], 50))),
        };

        static HostileRequest Valid(HttpMethod method, string path, JsonNode body) =>
            new("path segments", method, path, HostileJson.Utf8(body.ToJsonString()), "valid body");
    }

    private static string Escaped(string segment)
    {
        try
        {
            return Uri.EscapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return "%ED%A0%80"; // a lone surrogate has no escaping; send its bytes as UTF-8 would, which is not UTF-8
        }
    }

    private static Gen<HostileRequest> Mutated(string endpoint, HttpMethod method, string path, JsonNode valid, Gen<(string, byte[])>? extraAnnotation = null) =>
        HostileJson.Mutations(valid, extraAnnotation).Select(m => new HostileRequest(endpoint, method, path, m.Body, m.Mutation));
}
