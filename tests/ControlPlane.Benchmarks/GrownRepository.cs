using System.Text;
using ControlPlane.Core.GitOps;
using ControlPlane.Core.Models;
using ControlPlane.Core.Naming;
using ControlPlane.GitOps;
using LibGit2Sharp;

namespace ControlPlane.Benchmarks;

/// <summary>
/// A bare desired-state repository whose one cluster holds N model folders (at one replica each), added in a
/// single commit on top of the seeded first commit and then packed, as a long-lived repository would be.
/// </summary>
public sealed class GrownRepository : IDisposable
{
    public const string Cluster = "bench";
    public const string Branch = "main";
    private const int Namespaces = 10;

    private static readonly ModelSpec Spec = new(
        Image: "registry.example.com/bench/model:1.0.0", Version: "1.0.0", Cluster: Cluster, Budget: "bench",
        GpuType: "nvidia-a100", GpusPerReplica: 1, Replicas: new ReplicaBounds(1, 8), TargetGpuUtilization: 70,
        Annotations: new Dictionary<string, string> { [ModelSpec.AlignmentReportAnnotation] = "AR-BENCH" });

    private GrownRepository(string root, int size) => (Root, Size) = (root, size);

    public string Root { get; }

    public string BarePath => Path.Combine(Root, "gitops.git");

    public int Size { get; }

    public static ModelDesiredState Model(int index, int replicas) =>
        new(new ModelId($"team-{index % Namespaces}", $"model-{index:00000}"), Spec, replicas);

    public static GrownRepository Create(int size)
    {
        var grown = new GrownRepository(Path.Combine(Path.GetTempPath(), "controlplane-growth-" + Guid.NewGuid().ToString("N")), size);
        Directory.CreateDirectory(grown.BarePath);
        try
        {
            // The writer seeds the READMEs and default policies, as in production.
            GitOpsRepository.OpenOrCreate(grown.BarePath, Branch, GitAuthor.Default, TimeProvider.System).Dispose();
            grown.AddModelFolders();
            GitProcess.Run(grown.BarePath, "repack", "-a", "-d", "-q");
            return grown;
        }
        catch
        {
            grown.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(Root, recursive: true);
    }

    private void AddModelFolders()
    {
        using var repository = new Repository(BarePath);
        var head = repository.Branches[Branch].Tip;
        var definition = TreeDefinition.From(head.Tree);
        var folders = new List<string>(Size);
        for (var i = 0; i < Size; i++)
        {
            var desired = Model(i, replicas: 1);
            foreach (var (path, content) in ManifestRenderer.RenderModel(desired))
                definition.Add(path, Blob(repository, content), Mode.NonExecutableFile);
            folders.Add(RepositoryLayout.ModelFolderInCluster(desired.Model));
        }
        definition.Add(RepositoryLayout.ClusterKustomization(Cluster), Blob(repository, ManifestRenderer.RenderClusterKustomization(folders)), Mode.NonExecutableFile);
        var signature = new Signature("bench", "bench@localhost", head.Committer.When);
        var commit = repository.ObjectDatabase.CreateCommit(signature, signature, $"Register {Size} models\n",
            repository.ObjectDatabase.CreateTree(definition), [head], prettifyMessage: false);
        repository.Refs.UpdateTarget(repository.Refs[$"refs/heads/{Branch}"], commit.Id, "benchmark: register models");
    }

    private static Blob Blob(Repository repository, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return repository.ObjectDatabase.CreateBlob(stream);
    }
}
