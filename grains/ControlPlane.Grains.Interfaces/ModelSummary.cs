namespace ControlPlane.Grains;

/// <summary>One line of the model list.</summary>
[GenerateSerializer, Immutable]
public sealed record ModelSummary([Id(0)] string Id, [Id(1)] string Version, [Id(2)] int Replicas, [Id(3)] string Phase, [Id(4)] string? StableVersion = null)
{
    /// <summary>Versions that may report signals: the one deployed and, during a rollout, the stable one.</summary>
    public bool Runs(string version) => version == Version || version == StableVersion;
}
