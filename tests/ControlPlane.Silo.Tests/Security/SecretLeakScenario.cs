using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;
using ControlPlane.Silo.Tests.Rollouts;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>
/// A plane holding every kind of secret it knows (API keys in settings and made at run time, a Flux Receiver token,
/// its webhook path, a Git remote token, a commit signing key, bearer tokens), driven through a realistic flow once. It keeps every log
/// entry at every level and every response; the tests search those, the repositories and the data directory.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class SecretLeakScenario : IAsyncLifetime
{
    public const string RuntimeKeyName = "run-time API key";
    public const string KeyCreation = "POST /api/v1/keys -> 201";
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _files = new();
    private readonly Dictionary<string, string> _secrets = new()
    {
        ["admin API key"] = TestKeys.Admin,
        ["operator API key"] = TestKeys.Operator,
        ["viewer API key"] = TestKeys.Viewer,
        // A key with a typo in its last character must not show the rest of the real key.
        ["admin API key without its last character"] = TestKeys.Admin[..^1],
        ["Flux Receiver token"] = $"receiver-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}",
        ["Git remote token"] = $"remote-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}",
    };

    private ControlPlaneFactory? _factory;

    /// <summary>What each secret is, and its value.</summary>
    public IReadOnlyDictionary<string, string> Secrets => _secrets;

    public CapturedLogs Logs { get; } = new();

    public RecordedResponses Responses { get; } = new();

    public FluxReceiverStub Receiver { get; } = new();

    public OidcIssuerStub Issuer { get; } = new();

    public string DataDirectory => _data.Path;

    public string Remote => _files.Combine("remote.git");

    public ControlPlaneFactory Factory => _factory ?? throw new InvalidOperationException("the plane has not started.");

    /// <summary>The key made at run time with POST /api/v1/keys.</summary>
    public string RuntimeKey => _secrets[RuntimeKeyName];

    public string MetricsText { get; private set; } = "";

    public string DecisionFeedText { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Remote);
        (await GitCli.RunAsync(Remote, "init", "--quiet", "--bare", "--initial-branch=main")).EnsureSuccess();
        var receiverToken = _files.Combine("receiver-token");
        await File.WriteAllTextAsync(receiverToken, _secrets["Flux Receiver token"] + "\n");
        var remoteToken = _files.Combine("remote-token");
        await File.WriteAllTextAsync(remoteToken, _secrets["Git remote token"] + "\n");
        var signingKey = await SigningKeyAsync();
        await Issuer.StartAsync();
        // For a generic Receiver the webhook path is the only credential.
        _secrets["Flux Receiver webhook path"] = new Uri(Receiver.Url).AbsolutePath;

        _factory = new ControlPlaneFactory(_data.Path, new Dictionary<string, string>
        {
            ["ControlPlane:Git:RemoteUrl"] = Remote,
            ["ControlPlane:Git:RemoteTokenFile"] = remoteToken,
            ["ControlPlane:Git:PushRetryDelay"] = "00:00:00.050",
            ["ControlPlane:Git:FluxReceiverUrl"] = Receiver.Url,
            ["ControlPlane:Git:FluxReceiverType"] = "generic-hmac",
            ["ControlPlane:Git:FluxReceiverTokenFile"] = receiverToken,
            ["ControlPlane:Git:SigningKeyFile"] = signingKey,
            ["ControlPlane:Auth:Jwt:Authority"] = Issuer.Issuer,
            ["ControlPlane:Auth:Jwt:Audience"] = JwtPlane.Audience,
            ["ControlPlane:Auth:Jwt:RequireHttpsMetadata"] = "false",
        }, Logs.AddTo);
        using var admin = Client(TestKeys.Admin);
        await Eventually.Until(async () => await admin.StatusAsync("/readyz") == HttpStatusCode.OK, ControlPlaneFactory.StartTimeout, "/readyz returning 200");
        await DriveAsync(admin);
    }

    /// <summary>A recorded client presenting <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient Client(string? apiKey)
    {
        var client = Factory.CreateDefaultClient(Responses.Handler());
        if (apiKey is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, apiKey);
        return client;
    }

    private HttpClient BearerClient(string token)
    {
        var client = Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An ed25519 key made with ssh-keygen; the base64 body of the private key is the secret, line by line and whole.</summary>
    private async Task<string> SigningKeyAsync()
    {
        var path = _files.Combine("signing-key");
        (await ProcessRunner.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "controlplane-test", "-f", path])).EnsureSuccess();
        var body = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)).ToArray();
        _secrets["signing key"] = string.Concat(body);
        // The first line is the same header in every ed25519 key; each later line holds key material.
        for (var i = 1; i < body.Length; i++)
            if (body[i].Length >= 24) _secrets[$"signing key line {i + 1}"] = body[i]; // a short tail could match by chance
        return path;
    }

    private async Task DriveAsync(HttpClient admin)
    {
        using (var created = await admin.PostAsync("/api/v1/keys", new JsonObject { ["name"] = "ci-bot", ["role"] = Roles.Operator }))
            _secrets[RuntimeKeyName] = (string)(await Gateway.OkJson(created, HttpStatusCode.Created))["key"]!;
        using var bot = Client(RuntimeKey);

        var model = await admin.RegisterModelAsync();
        await bot.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98), Bodies.GpuSample(model.Id, 98));
        await admin.CommittedDecisionAsync(model, "scale");
        await bot.StartRolloutAsync(model);
        using (var rollback = await bot.RollbackAsync(model, Bodies.Rollback()))
            await Gateway.OkJson(rollback, HttpStatusCode.OK);
        await admin.CommittedDecisionAsync(model, "rollback");

        var adminToken = Issuer.Mint(Gateway.UniqueName("alice"), Roles.Admin, JwtPlane.Audience);
        var expiredToken = Issuer.Mint(Gateway.UniqueName("bob"), Roles.Admin, JwtPlane.Audience, issuedAt: DateTimeOffset.UtcNow.AddHours(-2));
        // A token's signature is what makes it usable by whoever reads it.
        _secrets["admin bearer token signature"] = adminToken.Split('.')[2];
        _secrets["expired bearer token signature"] = expiredToken.Split('.')[2];
        var wrongKey = TestKeys.Admin[..^1] + (TestKeys.Admin[^1] == 'A' ? 'B' : 'A');
        await ExpectOnceAsync(Client(ApiKeyHash.Generate()), "/api/v1/models", HttpStatusCode.Unauthorized);
        await ExpectOnceAsync(Client(wrongKey), "/api/v1/models", HttpStatusCode.Unauthorized);
        await ExpectOnceAsync(BearerClient(TestKeys.Viewer), "/api/v1/models", HttpStatusCode.Unauthorized); // a key sent as a bearer token
        await ExpectOnceAsync(BearerClient(expiredToken), "/api/v1/models", HttpStatusCode.Unauthorized);
        await ExpectOnceAsync(BearerClient(adminToken), "/api/v1/keys", HttpStatusCode.OK);
        await ExpectOnceAsync(Client(TestKeys.Viewer), "/api/v1/keys", HttpStatusCode.Forbidden);
        await ExpectOnceAsync(Client(null), "/api/v1/decisions", HttpStatusCode.Unauthorized);

        using (var notJson = await admin.PutAsync(Gateway.Url(model.Path), Gateway.Json("{\"image\": ")))
            Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var unknownField = Bodies.Model(model.Cluster, model.Budget);
        unknownField["apiKey"] = "not-a-field";
        using (var badSpec = await admin.PutAsync(model.Path, unknownField))
            Assert.Equal(HttpStatusCode.BadRequest, badSpec.StatusCode);

        foreach (var path in new[]
        {
            "/api/v1/models", model.Path, $"{model.Path}/decisions", "/api/v1/decisions", "/api/v1/keys", "/api/v1/gitops",
            "/api/v1/policies", $"/api/v1/clusters/{model.Cluster}", $"/api/v1/budgets/{model.Budget}", "/healthz", "/readyz", "/openapi/v1.json",
        })
            await ExpectAsync(admin, path, HttpStatusCode.OK);

        await Eventually.Until(async () =>
        {
            var local = await GitCli.RunAsync(Factory.RepositoryPath, "rev-parse", "main");
            var pushed = await GitCli.RunAsync(Remote, "rev-parse", "main");
            return pushed.ExitCode == 0 && pushed.Stdout == local.Stdout
                && Receiver.Calls.Any(c => (string?)JsonNode.Parse(c.Body)!["head"] == pushed.Stdout.Trim());
        }, PushTimeout, "the remote holding the local head, and the Receiver told about it");

        using var metrics = await admin.GetAsync("/metrics");
        MetricsText = await metrics.Content.ReadAsStringAsync();
        DecisionFeedText = (await admin.GetJsonAsync("/api/v1/decisions")).ToJsonString();
    }

    private static async Task ExpectAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == status, $"GET {path}: expected {(int)status}, got {(int)response.StatusCode}");
    }

    /// <summary>One request with a client made for it.</summary>
    private static async Task ExpectOnceAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using (client) await ExpectAsync(client, path, status);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await Issuer.DisposeAsync();
        Receiver.Dispose();
        _data.Dispose();
        _files.Dispose();
    }
}
