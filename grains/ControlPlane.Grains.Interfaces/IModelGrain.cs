namespace ControlPlane.Grains;

/// <summary>One model deployment, keyed <c>namespace/name</c>: spec, replicas, signal window, decisions.</summary>
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>Registers or updates the model; the spec must already be valid (<see cref="ModelSpecRules"/>).</summary>
    Task<RegistrationResult> Register(ModelSpec spec);

    Task<ModelView?> Get();

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Decision>> Decisions(int limit);

    /// <summary>Feeds samples as the stream does; the stream consumer and tests call it.</summary>
    Task Observe(GpuSampleBatch batch);

    /// <summary>Starts a rollout of a new version; the proposal must already be valid (<see cref="VersionProposalRules"/>).</summary>
    Task<ModelResult> ProposeVersion(VersionProposal proposal);

    /// <summary>An operator's rollback: of the rollout in progress, or of the stable version to an earlier release.</summary>
    Task<ModelResult> Rollback(RollbackRequest request);

    /// <summary>Runs one analysis interval of the rollout in progress now (the interval timer calls it too); null when none is.</summary>
    Task<AnalysisReport?> Analyze();

    /// <summary>Feeds drift and quality samples as the "drift" stream does.</summary>
    Task ObserveDrift(DriftSampleBatch batch);

    /// <summary>Cost recommendations computed now from the last week's utilization and the cluster's prices; empty when unregistered.</summary>
    Task<IReadOnlyList<Recommendation>> Recommendations();

    /// <summary>
    /// Recomputes the recommendations and applies the one with <paramref name="id"/> like any decision (policy gate, budget,
    /// cluster, decision log, commit); refused with <see cref="GrainError.UnknownRecommendation"/> when it is no longer current.
    /// </summary>
    Task<RecommendationResult> ApplyRecommendation(string id);
}
