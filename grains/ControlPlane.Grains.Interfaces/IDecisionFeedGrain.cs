namespace ControlPlane.Grains;

/// <summary>Recent decisions across the plane, bounded (a single activation, key <see cref="Key"/>).</summary>
public interface IDecisionFeedGrain : IGrainWithStringKey
{
    const string Key = "decisions";

    Task Record(Decision decision);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Decision>> Recent(int limit);
}
