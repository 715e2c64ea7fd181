using Microsoft.Extensions.Time.Testing;

namespace ControlPlane.GitOps.Tests.Fixtures;

/// <summary>A GitOps repository in a fresh temp directory, on branch main, with fake time and a recording logger.</summary>
public sealed class WriterRepository : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 17, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory directory = new();
    private int clones;

    public WriterRepository()
    {
        Directory.CreateDirectory(BarePath);
        Repository = Open();
    }

    public string BarePath => directory.Combine("gitops.git");

    public FakeTimeProvider Time { get; } = new(Start);

    public RecordingLogger Logger { get; } = new();

    public GitOpsRepository Repository { get; private set; }

    public GitOpsRepository Open() => GitOpsRepository.OpenOrCreate(BarePath, "main", GitAuthor.Default, Time, Logger);

    /// <summary>Disposes the open instance and opens the repository again, as a restarted silo would.</summary>
    public void Reopen()
    {
        Repository.Dispose();
        Repository = Open();
    }

    /// <summary>A fresh clone with a work tree; the repository and the clone both pass <c>git fsck --strict</c>.</summary>
    public string Clone()
    {
        var clone = GitCli.Clone(BarePath, directory.Combine($"clone-{++clones}"));
        GitCli.Run(BarePath, "fsck", "--strict", "--no-progress");
        GitCli.Run(clone, "fsck", "--strict", "--no-progress");
        return clone;
    }

    public string Git(params string[] args) => GitCli.Run(BarePath, args);

    public void Dispose()
    {
        Repository.Dispose();
        directory.Dispose();
    }
}
