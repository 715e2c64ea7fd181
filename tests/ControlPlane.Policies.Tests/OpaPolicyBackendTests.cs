using System.Text.Json.Nodes;
using ControlPlane.Policies.Tests.Fixtures;

namespace ControlPlane.Policies.Tests;

/// <summary>The OPA backend against a local stub of OPA's Data API (no OPA server runs here).</summary>
public sealed class OpaPolicyBackendTests : IAsyncLifetime, IDisposable
{
    private const string SmallDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: fraud-mm
          namespace: risk
          annotations:
            gpus: "2"
        spec:
          replicas: 2
          paused: false
          progressDeadlineSeconds: ~
          template:
            spec:
              containers:
              - name: model
                resources: { limits: { cpu: 0.5 } }
        """;

    private const string SmallDeploymentJson = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"fraud-mm","namespace":"risk","annotations":{"gpus":"2"}},
         "spec":{"replicas":2,"paused":false,"progressDeadlineSeconds":null,
                 "template":{"spec":{"containers":[{"name":"model","resources":{"limits":{"cpu":0.5}}}]}}}}
        """;

    private readonly OpaDataApiStub _stub = OpaDataApiStub.Start();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls both: the stub first, which ends any answer still delayed, then the client.
    public async Task DisposeAsync() => await _stub.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private OpaPolicyBackend Backend(TimeSpan? timeout = null, Uri? ruleUrl = null) =>
        new(_http, ruleUrl ?? _stub.RuleUrl, timeout ?? TimeSpan.FromSeconds(30));

    [Fact]
    public async Task EvaluateAsync_RuleGivesDenyMessages_DeniesWithEach()
    {
        _stub.Answer = _ => OpaStubAnswer.Result("""["image comes from an untrusted registry", "no GPU limit"]""");

        var verdict = await Backend().EvaluateAsync([Manifests.Deployment()], CancellationToken.None);

        Assert.False(verdict.Allowed);
        Assert.Equal(
            [new PolicyViolation("opa", "Deployment risk/fraud-mm", "image comes from an untrusted registry"), new PolicyViolation("opa", "Deployment risk/fraud-mm", "no GPU limit")],
            verdict.Denials);
        Assert.Empty(verdict.Warnings);
        Assert.Empty(verdict.Audits);
    }

    [Fact]
    public async Task EvaluateAsync_RuleGivesEmptySet_Allows()
    {
        _stub.Answer = _ => OpaStubAnswer.Result("[]");

        var verdict = await Backend().EvaluateAsync([Manifests.Deployment(), Manifests.Service], CancellationToken.None);

        Assert.True(verdict.Allowed);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task EvaluateAsync_PostedInput_IsAnAdmissionReviewOfTheManifest()
    {
        await Backend().EvaluateAsync([SmallDeployment], CancellationToken.None);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal(("POST", OpaDataApiStub.RulePath), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(["input"], request.Json.AsObject().Select(p => p.Key));
        var input = request.Input;
        Assert.Equal(("admission.k8s.io/v1", "AdmissionReview"), ((string?)input["apiVersion"], (string?)input["kind"]));
        var review = input["request"]!;
        Assert.True(Guid.TryParse((string?)review["uid"], out _));
        Assert.Equal("CREATE", (string?)review["operation"]);
        Assert.Equal(("fraud-mm", "risk"), ((string?)review["name"], (string?)review["namespace"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"group":"apps","version":"v1","kind":"Deployment"}"""), review["kind"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"group":"apps","version":"v1","resource":"deployments"}"""), review["resource"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SmallDeploymentJson), review["object"]), review["object"]?.ToJsonString());
    }

    [Theory]
    [InlineData(Manifests.Service, "", "v1", "Service", "services", "fraud-mm")]
    [InlineData(Manifests.ConfigMap, "", "v1", "ConfigMap", "configmaps", "fraud-mm-settings")]
    public async Task EvaluateAsync_CoreKind_PostsEmptyGroupAndItsResource(string manifest, string group, string version, string kind, string resource, string name)
    {
        await Backend().EvaluateAsync([manifest], CancellationToken.None);

        var review = Assert.Single(_stub.Requests).Input["request"]!;
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["group"] = group, ["version"] = version, ["kind"] = kind }, review["kind"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["group"] = group, ["version"] = version, ["resource"] = resource }, review["resource"]));
        Assert.Equal((name, "risk"), ((string?)review["name"], (string?)review["namespace"]));
    }

    [Fact]
    public async Task EvaluateAsync_SeveralObjects_AsksOncePerObjectAndNamesTheDeniedOne()
    {
        _stub.Answer = r => (string?)r.Input["request"]!["kind"]!["kind"] == "Service"
            ? OpaStubAnswer.Result("""["services are not allowed"]""")
            : OpaStubAnswer.Allow;

        var verdict = await Backend().EvaluateAsync([Manifests.Deployment(), $"{Manifests.ConfigMap}\n---\n{Manifests.Service}"], CancellationToken.None);

        Assert.Equal(3, _stub.Requests.Count);
        Assert.Equal(new PolicyViolation("opa", "Service risk/fraud-mm", "services are not allowed"), Assert.Single(verdict.Denials));
    }

    [Fact]
    public async Task EvaluateAsync_RuleUndefined_DeniesSayingItIsUndefined()
    {
        _stub.Answer = _ => new OpaStubAnswer(200, "{}");

        var verdict = await Backend().EvaluateAsync([Manifests.Deployment()], CancellationToken.None);

        var denial = Assert.Single(verdict.Denials);
        Assert.Equal(("opa", "Deployment risk/fraud-mm"), (denial.Policy, denial.Object));
        Assert.Contains($"the OPA rule {OpaDataApiStub.RulePath} is undefined", denial.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, """{"code":"internal_error","message":"input.request.object.spec: secret-value"}""", "OPA answered HTTP 500 (internal_error)")]
    [InlineData(400, """{"code":"invalid_parameter","message":"body contains secret-value"}""", "OPA answered HTTP 400 (invalid_parameter)")]
    [InlineData(503, "secret-value", "OPA answered HTTP 503")]
    public async Task EvaluateAsync_ErrorStatus_DeniesNamingTheStatusButNotTheBody(int status, string body, string expected)
    {
        _stub.Answer = _ => new OpaStubAnswer(status, body);

        var verdict = await Backend().EvaluateAsync([Manifests.Deployment()], CancellationToken.None);

        var message = Assert.Single(verdict.Denials).Message;
        Assert.EndsWith(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""{"result": ["unterminated" """)]
    public async Task EvaluateAsync_AnswerNotJson_Denies(string body)
    {
        _stub.Answer = _ => new OpaStubAnswer(200, body);

        var verdict = await Backend().EvaluateAsync([Manifests.Deployment()], CancellationToken.None);

        Assert.EndsWith("OPA's answer is not valid JSON", Assert.Single(verdict.Denials).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "gave a boolean, not a set of deny messages")]
    [InlineData("\"denied\"", "gave a string, not a set of deny messages")]
    [InlineData("""{"msg": "denied"}""", "gave an object, not a set of deny messages")]
    [InlineData("null", "gave null, not a set of deny messages")]
    [InlineData("[1]", "gave a set holding a number, not only deny messages (strings)")]
    [InlineData("""["denied", {"msg": "denied"}]""", "gave a set holding an object, not only deny messages (strings)")]
    public async Task EvaluateAsync_ResultNotAnArrayOfStrings_DeniesSayingWhatItIs(string result, string expected)
    {
        _stub.Answer = _ => OpaStubAnswer.Result(result);

        var verdict = await Backend().EvaluateAsync([Manifests.Deployment()], CancellationToken.None);

        Assert.EndsWith(expected, Assert.Single(verdict.Denials).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_OpaSlowerThanTheTimeout_DeniesNamingTheTimeout()
    {
        // The stub would allow after a second; disposing it at the end of the test ends that wait.
        _stub.Answer = _ => OpaStubAnswer.Allow with { Delay = TimeSpan.FromSeconds(1) };

        var verdict = await Backend(TimeSpan.FromMilliseconds(100)).EvaluateAsync([Manifests.Deployment()], CancellationToken.None);

        Assert.EndsWith("OPA did not answer within the 100 ms timeout", Assert.Single(verdict.Denials).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_CallerCancels_ThrowsOperationCanceled()
    {
        _stub.Answer = _ => OpaStubAnswer.Allow with { Delay = TimeSpan.FromMinutes(1) };
        using var caller = new CancellationTokenSource();

        var evaluation = Backend().EvaluateAsync([Manifests.Deployment()], caller.Token);
        await _stub.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => evaluation);
    }

    [Fact]
    public async Task EvaluateAsync_OpaUnreachable_DeniesSayingSo()
    {
        var nowhere = new Uri($"http://127.0.0.1:{OpaDataApiStub.FreePort()}{OpaDataApiStub.RulePath}");

        var verdict = await Backend(ruleUrl: nowhere).EvaluateAsync([Manifests.Deployment()], CancellationToken.None);

        Assert.Contains("OPA could not be reached", Assert.Single(verdict.Denials).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ManifestNotYaml_DeniesWithoutAsking()
    {
        var verdict = await Backend().EvaluateAsync(["kind: [unclosed"], CancellationToken.None);

        var denial = Assert.Single(verdict.Denials);
        Assert.Equal(("opa", "manifest 1"), (denial.Policy, denial.Object));
        Assert.StartsWith("manifest 1 is not valid YAML", denial.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task EvaluateAsync_ObjectWithNoJsonForm_DeniesWithoutAsking()
    {
        var verdict = await Backend().EvaluateAsync([Manifests.Service + "\n  weight: .nan"], CancellationToken.None);

        Assert.EndsWith("the object holds a NaN or infinite number, which JSON cannot carry", Assert.Single(verdict.Denials).Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Theory]
    [InlineData("/v1/data/controlplane/admission/deny", 1000)]
    [InlineData("ftp://127.0.0.1/v1/data/x", 1000)]
    [InlineData("http://127.0.0.1:8181/v1/data/x", 0)]
    [InlineData("http://127.0.0.1:8181/v1/data/x", -1)]
    public void Constructor_RelativeUrlOrNoPositiveTimeout_Throws(string url, int timeoutMs)
    {
        Assert.ThrowsAny<ArgumentException>(() => new OpaPolicyBackend(_http, new Uri(url, UriKind.RelativeOrAbsolute), TimeSpan.FromMilliseconds(timeoutMs)));
    }
}
