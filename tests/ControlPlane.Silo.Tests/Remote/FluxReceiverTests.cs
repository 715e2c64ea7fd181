using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Remote;

/// <summary>A plane that pushes to a bare repository and then calls a (stubbed) Flux Receiver, signing with a token file.</summary>
public sealed class ReceiverPlane : IAsyncLifetime, IDisposable
{
    public const string Token = "s3cret-receiver-token";
    private readonly TempDataDirectory _files = new();
    private Plane? _plane;

    public FluxReceiverStub Receiver { get; } = new();
    public string Remote => _files.Combine("remote.git");
    public HttpClient Client => _plane!.Client;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Remote);
        (await GitCli.RunAsync(Remote, "init", "--quiet", "--bare", "--initial-branch=main")).EnsureSuccess();
        var tokenFile = _files.Combine("receiver-token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        _plane = new Plane(new()
        {
            ["ControlPlane:Git:RemoteUrl"] = Remote,
            ["ControlPlane:Git:FluxReceiverUrl"] = Receiver.Url,
            ["ControlPlane:Git:FluxReceiverType"] = "generic-hmac",
            ["ControlPlane:Git:FluxReceiverTokenFile"] = tokenFile,
        });
        await _plane.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_plane is not null) await _plane.DisposeAsync();
        Receiver.Dispose();
    }

    public void Dispose() => _files.Dispose();

    private sealed class Plane(Dictionary<string, string> settings) : RunningPlane(settings);
}

public sealed class FluxReceiverTests(ReceiverPlane plane) : IClassFixture<ReceiverPlane>
{
    [Fact]
    public async Task Push_WithReceiver_CallsItSignedWithTheTokenAndNamingTheHead()
    {
        await plane.Client.RegisterModelAsync();

        // The writer pushes on activation and after each commit; the last push's call names the remote's head.
        await Eventually.Until(async () =>
            {
                var head = (await GitCli.OutputAsync(plane.Remote, "rev-parse", "main")).Trim();
                return plane.Receiver.Calls.Any(c => (string?)JsonNode.Parse(c.Body)!["head"] == head);
            }, TimeSpan.FromSeconds(30), "a Receiver call naming the remote's head");

        var calls = plane.Receiver.Calls.ToArray();
        foreach (var (signature, body) in calls)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ReceiverPlane.Token), body));
            Assert.Equal(expected, signature);
            Assert.DoesNotContain(ReceiverPlane.Token, Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        }
    }
}
