using BenchmarkDotNet.Attributes;
using ControlPlane.Core.Rollout;
using ControlPlane.Core.Signals;

namespace ControlPlane.Benchmarks;

/// <summary>
/// What one analysis interval costs a model: judging the interval's computed values, and comparing
/// raw observations with a reference (small: KS; large: Jensen–Shannon). Baseline: the judgement alone.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly IReadOnlyList<QualityBound> _bounds = QualityMetrics.DefaultBounds;
    private List<QualityObservation> _interval = [];
    private FeatureReference _smallReference = new();
    private FeatureReference _largeReference = new();
    private DriftSample _smallBatch = null!;
    private DriftSample _largeBatch = null!;

    [GlobalSetup]
    public void SetUp()
    {
        // A 30 s interval with one sample per second for three metrics on five features.
        string[] metrics = ["psi", "ks", "demographic-parity-difference"];
        _interval = Enumerable.Range(0, 30).SelectMany(s => metrics.SelectMany(m => Enumerable.Range(0, 5)
            .Select(f => new QualityObservation(m, $"f{f}", (s * 7 + f) % 10 / 100.0, Now.AddSeconds(s))))).ToList();
        _smallReference = new FeatureReference(Values: Enumerable.Range(0, 500).Select(i => i * 0.37 % 10).ToList());
        _largeReference = new FeatureReference(Values: Enumerable.Range(0, 10_000).Select(i => i * 0.37 % 10).ToList());
        _smallBatch = new DriftSample("bench/m", "1.0.0", Now, Feature: "f", Values: Enumerable.Range(0, 200).Select(i => i * 0.41 % 10).ToList());
        _largeBatch = _smallBatch with { Values = Enumerable.Range(0, 1000).Select(i => i * 0.41 % 10).ToList() };
    }

    [Benchmark(Baseline = true, Description = "judge interval (450 values)")]
    public IntervalAnalysis Judge() => RolloutAnalysis.Evaluate(_interval, _bounds);

    [Benchmark(Description = "raw 200 vs reference 500 (PSI, KS exact, Wasserstein)")]
    public IReadOnlyList<QualityObservation> CompareSmall() => DriftComparison.Compare(_smallReference, _smallBatch);

    [Benchmark(Description = "raw 1000 vs reference 10000 (PSI, JS, Wasserstein)")]
    public IReadOnlyList<QualityObservation> CompareLarge() => DriftComparison.Compare(_largeReference, _largeBatch);
}
