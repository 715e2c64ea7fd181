using BenchmarkDotNet.Attributes;
using ControlPlane.Core.GitOps;
using ControlPlane.Core.Models;
using ControlPlane.Core.Naming;
using ControlPlane.GitOps;
using ControlPlane.Policies;

namespace ControlPlane.Benchmarks;

/// <summary>
/// What the policy gate adds to a decision: the default policies (CEL) over a model's Deployment and Service.
/// Baseline: rendering the manifests, which every decision does anyway.
/// </summary>
[MemoryDiagnoser]
public class PolicyGateBenchmarks
{
    private readonly PolicySet _defaults = PolicySet.Load(DefaultPolicies.Files);
    private ModelDesiredState _desired = null!;
    private IReadOnlyDictionary<string, string> _rendered = new Dictionary<string, string>();

    [GlobalSetup]
    public void SetUp()
    {
        ModelId.TryCreate("risk", "fraud-mm", out var id, out _);
        var spec = new ModelSpec("registry.example.com/risk/fraud-mm:1.4.2", "1.4.2", "prod-eu", "team-risk", "nvidia-a100", 1,
            new ReplicaBounds(1, 8), 70, new Dictionary<string, string> { [ModelSpec.AlignmentReportAnnotation] = "AR-2026-0117" });
        _desired = new ModelDesiredState(id, spec, 3);
        _rendered = ManifestRenderer.RenderModel(_desired);
    }

    [Benchmark(Baseline = true, Description = "render Deployment + Service")]
    public IReadOnlyDictionary<string, string> Render() => ManifestRenderer.RenderModel(_desired);

    [Benchmark(Description = "default policies over the rendered objects")]
    public PolicyCheck Gate() => PolicyGate.Check(_defaults, _rendered);
}
