using ControlPlane.Core.GitOps;
using ControlPlane.Core.Naming;

namespace ControlPlane.GitOps.Tests.Fixtures;

/// <summary>What the writer should do with one scripted decision.</summary>
public enum ExpectedOutcome
{
    Committed,
    AlreadyCommitted,
    NoChange,
    Denied,
}

/// <summary>
/// One scripted decision: what the script meant by it, the change, what the writer should do with it, and
/// then each cluster's model folders (<c>namespace/name</c>, sorted ordinally).
/// </summary>
public sealed record ScriptedDecision(
    string Intent, DesiredStateChange Change, ExpectedOutcome Expected, IReadOnlyDictionary<string, IReadOnlyList<string>> FoldersAfter);

/// <summary>
/// Random decisions over a fixed set of models and clusters, each with the outcome a simple model of the
/// repository predicts: the last accepted state per model and the decision ids already committed.
/// </summary>
public sealed class DecisionScript
{
    public const int MaxGpusPerReplica = 2; // the seeded max-gpus-per-container policy
    private const int RepeatWindow = 150; // well inside GitOpsRepository.DecisionLookback commits

    private static readonly string[] Versions = ["1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0"];
    private readonly Random random;
    private readonly IReadOnlyList<ModelId> models;
    private readonly IReadOnlyList<string> clusters;
    private readonly Dictionary<ModelId, ModelDesiredState> accepted = [];
    private readonly HashSet<string> committedIds = new(StringComparer.Ordinal);
    private readonly List<ScriptedDecision> decisions = [];

    public DecisionScript(Random random, IReadOnlyList<ModelId> models, IReadOnlyList<string> clusters) =>
        (this.random, this.models, this.clusters) = (random, models, clusters);

    public IReadOnlyList<ScriptedDecision> Decisions => decisions;

    /// <summary>Each model's last accepted (committed or already in Git) desired state.</summary>
    public IReadOnlyDictionary<ModelId, ModelDesiredState> Accepted => accepted;

    public IReadOnlySet<string> CommittedIds => committedIds;

    public DecisionScript Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (intent, change) = Next();
            var expected = Expect(change);
            decisions.Add(new ScriptedDecision(intent, change, expected, FoldersByCluster()));
        }
        return this;
    }

    private (string Intent, DesiredStateChange Change) Next()
    {
        var unregistered = models.Where(m => !accepted.ContainsKey(m)).ToList();
        var roll = random.Next(100);
        if (accepted.Count == 0 || (roll < 12 && unregistered.Count > 0))
            return ("register", Fresh("register", Register(unregistered[random.Next(unregistered.Count)])));
        var current = accepted.Values.ElementAt(random.Next(accepted.Count));
        return roll switch
        {
            < 40 => ("scale", Fresh("scale", current with { Replicas = random.Next(1, 9) })),
            < 55 => ("version", Fresh("update", WithVersion(current, Versions[random.Next(Versions.Length)]))),
            < 67 => ("move", Fresh("move", WithSpec(current, current.Spec with { Cluster = OtherCluster(current.Spec.Cluster) }))),
            < 79 => ("repeat", decisions[random.Next(Math.Max(0, decisions.Count - RepeatWindow), decisions.Count)].Change),
            // Budget and target utilization are not rendered: the tree stays the same.
            < 89 => ("same tree", Fresh("update", WithSpec(current, current.Spec with { Budget = $"team-{random.Next(5)}", TargetGpuUtilization = random.Next(50, 90) }))),
            _ => ("3 gpus", Fresh("update", WithSpec(current, current.Spec with { GpusPerReplica = MaxGpusPerReplica + 1 }) with { Replicas = random.Next(1, 9) })),
        };
    }

    private ExpectedOutcome Expect(DesiredStateChange change)
    {
        if (committedIds.Contains(change.DecisionId)) return ExpectedOutcome.AlreadyCommitted;
        var desired = change.Desired;
        if (desired.Spec.GpusPerReplica > MaxGpusPerReplica) return ExpectedOutcome.Denied;
        if (accepted.TryGetValue(desired.Model, out var current) && Rendered(current) == Rendered(desired)) return ExpectedOutcome.NoChange;
        accepted[desired.Model] = desired;
        committedIds.Add(change.DecisionId);
        return ExpectedOutcome.Committed;
    }

    private Dictionary<string, IReadOnlyList<string>> FoldersByCluster() =>
        accepted.Values.GroupBy(s => s.Spec.Cluster, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => (IReadOnlyList<string>)g.Select(s => s.Model.ToString()).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    // Everything the script varies that reaches a manifest.
    private static (string Cluster, string Image, string Version, int Replicas, int Gpus) Rendered(ModelDesiredState s) =>
        (s.Spec.Cluster, s.Spec.Image, s.Spec.Version, s.Replicas, s.Spec.GpusPerReplica);

    private ModelDesiredState Register(ModelId model)
    {
        var spec = DesiredStates.Spec(clusters[random.Next(clusters.Count)], Versions[random.Next(Versions.Length)]);
        return new ModelDesiredState(model, spec with { Image = $"registry.example.com/{model.Namespace}/{model.Name}:{spec.Version}" }, random.Next(1, 9));
    }

    private static ModelDesiredState WithVersion(ModelDesiredState current, string version) =>
        WithSpec(current, current.Spec with { Version = version, Image = $"registry.example.com/{current.Model.Namespace}/{current.Model.Name}:{version}" });

    private static ModelDesiredState WithSpec(ModelDesiredState current, Core.Models.ModelSpec spec) => current with { Spec = spec };

    private string OtherCluster(string cluster)
    {
        var others = clusters.Where(c => c != cluster).ToList();
        return others[random.Next(others.Count)];
    }

    private DesiredStateChange Fresh(string kind, ModelDesiredState desired) =>
        DesiredStates.Change($"d-{decisions.Count:0000}", desired, kind);
}
