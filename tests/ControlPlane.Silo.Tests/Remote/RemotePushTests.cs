using System.Net;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Remote;

/// <summary>A plane pushing to a bare repository on disk (a real git remote over file paths), and one whose remote appears late.</summary>
public sealed class RemotePlanes : IAsyncLifetime, IDisposable
{
    private readonly TempDataDirectory _remotes = new();
    private RunningPlaneWith? _pushing;
    private RunningPlaneWith? _late;

    public string Remote => _remotes.Combine("remote.git");
    public string LateRemote => _remotes.Combine("late.git");
    public string Scratch => _remotes.Path;
    public HttpClient Pushing => _pushing!.Client;
    public HttpClient Late => _late!.Client;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Remote);
        (await GitCli.RunAsync(Remote, "init", "--quiet", "--bare", "--initial-branch=main")).EnsureSuccess();
        _pushing = new RunningPlaneWith(new() { ["ControlPlane:Git:RemoteUrl"] = Remote, ["ControlPlane:Git:PushRetryDelay"] = "00:00:00.050" });
        _late = new RunningPlaneWith(new() { ["ControlPlane:Git:RemoteUrl"] = LateRemote, ["ControlPlane:Git:PushRetryDelay"] = "00:00:00.050" });
        await Task.WhenAll(_pushing.InitializeAsync(), _late.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        if (_pushing is not null) await _pushing.DisposeAsync();
        if (_late is not null) await _late.DisposeAsync();
    }

    // xunit disposes after DisposeAsync: the planes have let go of the remotes by then.
    public void Dispose() => _remotes.Dispose();

    private sealed class RunningPlaneWith(Dictionary<string, string> settings) : RunningPlane(settings);
}

public sealed class RemotePushTests(RemotePlanes planes) : IClassFixture<RemotePlanes>
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(30);

    private static async Task<string[]> RemoteDecisionIds(string remote) =>
        (await GitCli.RunAsync(remote, "log", "main", "--format=%(trailers:key=Decision-Id,valueonly)")).ExitCode == 0
            ? await GitCli.LinesAsync(remote, "log", "main", "--format=%(trailers:key=Decision-Id,valueonly)")
            : [];

    private static async Task<string> LatestDecisionId(HttpClient client, string model) =>
        (string)(await client.GetJsonAsync($"/api/v1/models/{model}/decisions?limit=1"))[0]!["id"]!;

    [Fact]
    public async Task Register_WithRemote_IsPushedAndOthersCommitsAreKept()
    {
        var first = await planes.Pushing.RegisterModelAsync();
        var firstId = await LatestDecisionId(planes.Pushing, first.Id);
        await Eventually.Until(async () => (await RemoteDecisionIds(planes.Remote)).Contains(firstId), PushTimeout, "the first decision on the remote");

        // Someone else commits to the same branch of the remote.
        var clone = Path.Combine(planes.Scratch, $"clone-{Guid.NewGuid():N}");
        (await GitCli.RunAsync(planes.Scratch, "clone", "--quiet", planes.Remote, clone)).EnsureSuccess();
        await File.WriteAllTextAsync(Path.Combine(clone, "RUNBOOK.md"), "# on-call\n");
        (await GitCli.RunAsync(clone, "add", "RUNBOOK.md")).EnsureSuccess();
        (await GitCli.RunAsync(clone, "-c", "user.name=someone", "-c", "user.email=someone@example.com", "commit", "--quiet", "-m", "Add a runbook")).EnsureSuccess();
        (await GitCli.RunAsync(clone, "push", "--quiet", "origin", "main")).EnsureSuccess();
        var theirs = (await GitCli.OutputAsync(clone, "rev-parse", "HEAD")).Trim();

        var second = await planes.Pushing.RegisterModelAsync();
        var secondId = await LatestDecisionId(planes.Pushing, second.Id);
        await Eventually.Until(async () => (await RemoteDecisionIds(planes.Remote)).Contains(secondId), PushTimeout, "the second decision on the remote");

        (await GitCli.RunAsync(planes.Remote, "merge-base", "--is-ancestor", theirs, "main")).EnsureSuccess(); // never forced
        Assert.Empty(await GitCli.LinesAsync(planes.Remote, "rev-list", "--merges", "main"));
        var ids = await RemoteDecisionIds(planes.Remote);
        Assert.Equal(ids.Where(i => i.Length > 0).Distinct().Count(), ids.Count(i => i.Length > 0)); // each decision once
        (await GitCli.RunAsync(planes.Remote, "fsck", "--strict", "--no-progress")).EnsureSuccess();
        var status = await planes.Pushing.GetJsonAsync("/api/v1/gitops");
        Assert.Equal(planes.Remote, (string?)status["remote"]);
        await Eventually.Until(async () => (int?)(await planes.Pushing.GetJsonAsync("/api/v1/gitops"))["unpushed"] == 0, PushTimeout, "nothing left to push");
    }

    [Fact]
    public async Task Register_RemoteMissingAtFirst_IsPushedOnceItExists()
    {
        var model = await planes.Late.RegisterModelAsync();
        var id = await LatestDecisionId(planes.Late, model.Id);
        var status = await planes.Late.GetJsonAsync("/api/v1/gitops");
        Assert.True((int?)status["unpushed"] > 0);

        Directory.CreateDirectory(planes.LateRemote);
        (await GitCli.RunAsync(planes.LateRemote, "init", "--quiet", "--bare", "--initial-branch=main")).EnsureSuccess();

        await Eventually.Until(async () => (await RemoteDecisionIds(planes.LateRemote)).Contains(id), PushTimeout, "the decision on the late remote");
        Assert.Single(await RemoteDecisionIds(planes.LateRemote), i => i == id);
        Assert.NotNull((string?)(await planes.Late.GetJsonAsync("/api/v1/gitops"))["lastPushAt"]);
    }
}
