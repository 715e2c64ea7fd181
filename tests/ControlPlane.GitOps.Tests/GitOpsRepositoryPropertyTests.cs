using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ControlPlane.Core.GitOps;
using ControlPlane.Core.Naming;
using ControlPlane.GitOps.Tests.Fixtures;
using k8s;
using k8s.Models;
using LibGit2Sharp;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ControlPlane.GitOps.Tests;

public partial class GitOpsRepositoryPropertyTests(ITestOutputHelper output)
{
    /// <summary>Set to a failed run's seed to replay its decisions and batches exactly.</summary>
    public const string SeedVariable = "CONTROLPLANE_PROPERTY_SEED";
    private const int DecisionCount = 1000;
    private const int MaxBatch = 8;
    private static readonly string[] Clusters = ["prod-eu", "prod-us", "prod-ap"];
    private static readonly string[] Namespaces = ["risk", "ads", "search", "payments", "ops"];
    private static readonly ModelId[] Models = Enumerable.Range(0, 50).Select(i => new ModelId(Namespaces[i % Namespaces.Length], $"model-{i:00}")).ToArray();

    [GeneratedRegex(@"^\+\s*nvidia\.com/gpu:\s*""?(\d+)""?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AddedGpuQuantity();

    [Fact]
    public void ApplyAll_RandomDecisionSequences_KeepTheRepositoryValid()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with {SeedVariable}={seed})");
        var started = Stopwatch.GetTimestamp();
        try
        {
            Run(seed);
        }
        catch (Exception e)
        {
            throw new XunitException($"seed {seed} (replay with {SeedVariable}={seed}): {e.Message}", e);
        }
        output.WriteLine($"{DecisionCount} decisions applied and checked in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private void Run(int seed)
    {
        var random = new Random(seed);
        var script = new DecisionScript(random, Models, Clusters).Generate(DecisionCount);
        using var writer = new WriterRepository();
        using var reader = new Repository(writer.BarePath);

        var shaById = new Dictionary<string, string>(StringComparer.Ordinal);
        var batches = 0;
        for (var first = 0; first < script.Decisions.Count; batches++)
        {
            var batch = script.Decisions.Skip(first).Take(random.Next(1, MaxBatch + 1)).ToList();
            writer.Time.Advance(TimeSpan.FromSeconds(1));
            var outcomes = writer.Repository.ApplyAll(batch.Select(d => d.Change).ToList());
            for (var i = 0; i < batch.Count; i++)
                CheckOutcome(first + i, batch[i], outcomes[i], shaById);
            first += batch.Count;
            CheckBranchFolders(reader, first - 1, batch[^1].FoldersAfter);
        }
        output.WriteLine($"{batches} batches; expected {Count(script, ExpectedOutcome.Committed)} commits, {Count(script, ExpectedOutcome.AlreadyCommitted)} repeats, {Count(script, ExpectedOutcome.NoChange)} no-change, {Count(script, ExpectedOutcome.Denied)} denied");

        var clone = writer.Clone(); // runs git fsck --strict on the repository and the clone
        Assert.True(writer.Git("fsck", "--strict", "--no-dangling", "--no-progress").Length == 0, "git fsck --strict reported problems");
        CheckClusters(writer, clone, script.Accepted);
        CheckDecisionIds(writer, script.CommittedIds);
        CheckGpuRequests(writer);
    }

    private static int Count(DecisionScript script, ExpectedOutcome outcome) => script.Decisions.Count(d => d.Expected == outcome);

    private static void CheckOutcome(int index, ScriptedDecision decision, CommitOutcome outcome, Dictionary<string, string> shaById)
    {
        var id = decision.Change.DecisionId;
        var what = $"decision #{index} ({decision.Intent} {decision.Change.Desired.Model}, id {id}) expected {decision.Expected}, got {outcome}";
        var asExpected = decision.Expected switch
        {
            ExpectedOutcome.Committed => outcome is { Committed: true, Denied: false, Sha: not null } && shaById.TryAdd(id, outcome.Sha),
            ExpectedOutcome.AlreadyCommitted => outcome is { Committed: false, Denied: false } && outcome.Sha == shaById.GetValueOrDefault(id),
            ExpectedOutcome.NoChange => outcome is { Committed: false, Denied: false } && outcome.Note.StartsWith("no change", StringComparison.Ordinal),
            ExpectedOutcome.Denied => outcome is { Committed: false, Denied: true, Sha: null },
            _ => false,
        };
        Assert.True(asExpected, what);
    }

    // After every batch: the branch has a folder for exactly the clusters with models, each listing exactly its models.
    private static void CheckBranchFolders(Repository reader, int index, IReadOnlyDictionary<string, IReadOnlyList<string>> expected)
    {
        var clusters = ((Tree)reader.Branches["main"].Tip.Tree[RepositoryLayout.ClustersFolder].Target)
            .Where(e => e.TargetType == TreeEntryTargetType.Tree).ToDictionary(e => e.Name, e => (Tree)e.Target, StringComparer.Ordinal);
        Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(clusters.Keys.Order(StringComparer.Ordinal)),
            $"after decision #{index} the branch has clusters [{string.Join(", ", clusters.Keys.Order(StringComparer.Ordinal))}], expected [{string.Join(", ", expected.Keys.Order(StringComparer.Ordinal))}]");
        foreach (var (cluster, tree) in clusters)
        {
            var folders = tree.Where(ns => ns.Target is Tree).SelectMany(ns => ((Tree)ns.Target).Select(m => $"{ns.Name}/{m.Name}")).Order(StringComparer.Ordinal);
            var listing = (tree[RepositoryLayout.KustomizationFile]?.Target as Blob)?.GetContentText();
            Assert.True(folders.SequenceEqual(expected[cluster]) && listing == ManifestRenderer.RenderClusterKustomization(expected[cluster]),
                $"after decision #{index} clusters/{cluster} holds [{string.Join(", ", folders)}] and lists:\n{listing}\nexpected [{string.Join(", ", expected[cluster])}]");
        }
    }

    // Each cluster folder builds and lists exactly the models last accepted there, with their last replicas and image.
    private static void CheckClusters(WriterRepository writer, string clone, IReadOnlyDictionary<ModelId, ModelDesiredState> accepted)
    {
        var expectedClusters = accepted.Values.Select(s => s.Spec.Cluster).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["README.md", .. expectedClusters], GitCli.Lines(writer.BarePath, "ls-tree", "--name-only", "main:clusters"));
        foreach (var cluster in expectedClusters)
        {
            var expected = accepted.Values.Where(s => s.Spec.Cluster == cluster)
                .ToDictionary(s => s.Model.ToString(), s => (s.Replicas, s.Spec.Image));
            var folder = Path.Combine(clone, "clusters", cluster);
            Assert.Equal(ManifestRenderer.RenderClusterKustomization(expected.Keys),
                File.ReadAllText(Path.Combine(folder, RepositoryLayout.KustomizationFile)));

            var built = KubernetesYaml.LoadAllFromString(Kustomize.Build(folder));
            var deployments = built.OfType<V1Deployment>().ToDictionary(
                d => $"{d.Metadata.NamespaceProperty}/{d.Metadata.Name}",
                d => (d.Spec.Replicas ?? -1, d.Spec.Template.Spec.Containers.Single().Image));
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), deployments.OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal),
                built.OfType<V1Service>().Select(s => $"{s.Metadata.NamespaceProperty}/{s.Metadata.Name}").Order(StringComparer.Ordinal));
            Assert.Equal(built.Count, deployments.Count * 2);
        }
    }

    private static void CheckDecisionIds(WriterRepository writer, IReadOnlySet<string> committedIds)
    {
        var trailers = GitCli.Lines(writer.BarePath, "log", "--format=%(trailers:key=Decision-Id,valueonly)", "main");
        var twice = trailers.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Decision-Id trailers appear more than once in git log: {string.Join(", ", twice)}");
        Assert.Equal(committedIds.Order(StringComparer.Ordinal), trailers.Order(StringComparer.Ordinal));
    }

    // Every GPU quantity a commit ever wrote to a deployment.yaml is an added line in that commit's diff.
    private static void CheckGpuRequests(WriterRepository writer)
    {
        var diffs = writer.Git("log", "-p", "--unified=0", "--format=", "main", "--", ":(glob)clusters/**/deployment.yaml");
        var quantities = AddedGpuQuantity().Matches(diffs).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(quantities);
        Assert.True(quantities.All(q => q <= DecisionScript.MaxGpusPerReplica),
            $"a committed Deployment requests {quantities.Max()} GPUs, more than {DecisionScript.MaxGpusPerReplica}");
    }
}
