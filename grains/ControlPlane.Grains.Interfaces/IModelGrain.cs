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
}
