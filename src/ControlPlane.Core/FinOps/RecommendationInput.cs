using ControlPlane.Core.Clusters;
using ControlPlane.Core.Models;

namespace ControlPlane.Core.FinOps;

/// <summary>Everything <see cref="CostRecommender"/> looks at for one model; the grain gathers it, the recommender only reads.</summary>
[GenerateSerializer, Immutable]
public sealed record RecommendationInput(
    [Id(0)] string ModelId,
    [Id(1)] ModelSpec Spec,
    [Id(2)] int CurrentReplicas,
    [Id(3)] UtilizationSummary Utilization,
    [Id(4)] IReadOnlyList<GpuPool> Pools,
    [Id(5)] DateTimeOffset Now,
    [Id(6)] string Currency = "USD");
