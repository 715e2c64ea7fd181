using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

public sealed class GitOpsRepositorySshPushTests : IClassFixture<SshServerFixture>, IDisposable
{
    private readonly SshServer _ssh;
    private readonly TempDirectory _others = new();
    private readonly WriterRepository _writer = new();

    public GitOpsRepositorySshPushTests(SshServerFixture fixture)
    {
        _ssh = fixture.Server;
        RemotePath = _others.Combine("remote.git");
        Directory.CreateDirectory(RemotePath);
        GitCli.Run(RemotePath, "init", "--quiet", "--bare", "--initial-branch=main");
    }

    private string RemotePath { get; }

    [Fact]
    public void Push_OverSsh_SeedsTheRemoteThenReplaysOnTopOfOthers()
    {
        var remote = new GitRemote(_ssh.Url(RemotePath), SshKeyFile: _ssh.ClientKey, KnownHostsFile: _ssh.KnownHosts);
        Assert.True(_writer.Repository.Push(remote).Succeeded);

        // Someone else pushes to the same branch (over the file system, as another machine would over ssh).
        var clone = GitCli.Clone(RemotePath, _others.Combine("clone"));
        File.WriteAllText(Path.Combine(clone, "RUNBOOK.md"), "# on-call\n");
        GitCli.Run(clone, "add", "RUNBOOK.md");
        GitCli.Run(clone, "-c", "user.name=someone", "-c", "user.email=someone@example.com", "commit", "--quiet", "-m", "Add a runbook");
        GitCli.Run(clone, "push", "--quiet", "origin", "main");
        var theirs = GitCli.Run(clone, "rev-parse", "HEAD").Trim();
        _writer.Repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3)));

        var outcome = _writer.Repository.Push(remote);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, outcome.Replayed);
        GitCli.Run(RemotePath, "merge-base", "--is-ancestor", theirs, "main");
        Assert.Equal(["d-1"], GitCli.Lines(RemotePath, "log", "-1", "--format=%(trailers:key=Decision-Id,valueonly)"));
        Assert.Equal(0, _writer.Repository.Unpushed());
    }

    [Fact]
    public void Push_OverSshToAnUnknownHostKey_FailsAndPushesNothing()
    {
        var remote = new GitRemote(_ssh.Url(RemotePath), SshKeyFile: _ssh.ClientKey, KnownHostsFile: _ssh.WrongKnownHosts());

        var outcome = _writer.Repository.Push(remote);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Host key verification failed", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(GitCli.Lines(RemotePath, "for-each-ref"));
    }

    [Fact]
    public void Push_RemoteHookRefuses_FailsWithTheHooksReasonRatherThanReplaying()
    {
        var hook = Path.Combine(RemotePath, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'main is protected: changes need review' >&2\nexit 1\n");
        ExternalTool.Run("chmod", RemotePath, null, "+x", hook);
        var remote = new GitRemote(_ssh.Url(RemotePath), SshKeyFile: _ssh.ClientKey, KnownHostsFile: _ssh.KnownHosts);

        var outcome = _writer.Repository.Push(remote);

        Assert.False(outcome.Succeeded);
        Assert.Equal(0, outcome.Replayed);
        Assert.Contains("main is protected", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_SshUrls_AreRecognised()
    {
        Assert.True(new GitRemote("ssh://git@git.example.com/platform/state.git").IsSsh);
        Assert.True(new GitRemote("git@git.example.com:platform/state.git").IsSsh);
        Assert.False(new GitRemote("https://git.example.com/platform/state.git").IsSsh);
        Assert.False(new GitRemote("/srv/git/state.git").IsSsh);
        Assert.Equal("https://git.example.com/state.git", new GitRemote("https://user:token@git.example.com/state.git").Redacted);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _others.Dispose();
    }
}

/// <summary>One sshd for the test class.</summary>
public sealed class SshServerFixture : IDisposable
{
    public SshServer Server { get; } = new();

    public void Dispose() => Server.Dispose();
}
