using ControlPlane.Core.Models;
using ControlPlane.Core.Naming;

namespace ControlPlane.Core.GitOps;

/// <summary>Everything needed to render a model's manifests: the whole desired state, never a delta.</summary>
[GenerateSerializer, Immutable]
public sealed record ModelDesiredState(
    [Id(0)] ModelId Model,
    [Id(1)] ModelSpec Spec,
    [Id(2)] int Replicas,
    [Id(3)] string Phase = "Stable",
    [Id(4)] string? StableVersion = null)
{
    /// <summary>Equal by content (the spec's annotations compare by value, not by reference).</summary>
    public bool IsSameAs(ModelDesiredState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Model == other.Model && Replicas == other.Replicas && Phase == other.Phase
            && StableVersion == other.StableVersion && Spec.IsSameAs(other.Spec);
    }
}
