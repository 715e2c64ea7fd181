using ControlPlane.GitOps.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.GitOps.Tests;

public sealed class GitOpsRepositorySigningTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Bare => _directory.Combine("signed.git");

    /// <summary>A fresh ed25519 key made with the real ssh-keygen, and the allowed-signers file git verifies against.</summary>
    private (string Key, string AllowedSigners) NewKey()
    {
        var key = _directory.Combine("signing-key");
        ExternalTool.Run("ssh-keygen", _directory.Path, null, "-q", "-t", "ed25519", "-N", "", "-C", "controlplane@localhost", "-f", key);
        var allowed = _directory.Combine("allowed_signers");
        File.WriteAllText(allowed, "controlplane@localhost " + File.ReadAllText(key + ".pub"));
        return (key, allowed);
    }

    /// <summary>The real git verifies the signature; GitCli fails the test on a non-zero exit.</summary>
    private void Verify(string allowed, string revision) =>
        GitCli.Run(Bare, "-c", "gpg.format=ssh", "-c", $"gpg.ssh.allowedSignersFile={allowed}", "verify-commit", revision);

    [Fact]
    public void Apply_WithSigner_EveryCommitVerifiesWithGit()
    {
        var (key, allowed) = NewKey();
        using (var repository = GitOpsRepository.OpenOrCreate(Bare, "main", GitAuthor.Default, new FakeTimeProvider(WriterRepository.Start), signer: new CommitSigner(key)))
        {
            repository.Apply(DesiredStates.Change("d-1", DesiredStates.Model(replicas: 2)));
            repository.Apply(DesiredStates.Change("d-2", DesiredStates.Model(replicas: 3)));
        }

        Verify(allowed, "main~2"); // the initial layout
        Verify(allowed, "main~1");
        Verify(allowed, "main");   // git exits non-zero (failing the run) on a bad or missing signature
        Assert.Contains("-----BEGIN SSH SIGNATURE-----", GitCli.Run(Bare, "cat-file", "commit", "main"), StringComparison.Ordinal);
        Assert.Equal(["d-2"], GitCli.Lines(Bare, "log", "-1", "--format=%(trailers:key=Decision-Id,valueonly)"));
        GitCli.Run(Bare, "fsck", "--strict", "--no-progress");
    }

    [Fact]
    public void Apply_WithUnreadableKey_CommitsNothing()
    {
        using var repository = GitOpsRepository.OpenOrCreate(Bare, "main", GitAuthor.Default, new FakeTimeProvider(WriterRepository.Start));
        repository.Dispose();
        using var signed = GitOpsRepository.OpenOrCreate(Bare, "main", GitAuthor.Default, new FakeTimeProvider(WriterRepository.Start), signer: new CommitSigner(_directory.Combine("no-such-key")));
        var head = GitCli.Run(Bare, "rev-parse", "main").Trim();

        Assert.Throws<InvalidOperationException>(() => signed.Apply(DesiredStates.Change("d-1", DesiredStates.Model())));

        Assert.Equal(head, GitCli.Run(Bare, "rev-parse", "main").Trim());
    }

    public void Dispose() => _directory.Dispose();
}
