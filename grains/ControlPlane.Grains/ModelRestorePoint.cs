namespace ControlPlane.Grains;

/// <summary>
/// What a model was before the decision whose commit is still owed: if the commit-time policy check denies that
/// decision, the model goes back to this, so its stored state never claims what Git refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("ControlPlane.Grains.ModelRestorePoint")]
public sealed record ModelRestorePoint(
    [property: Id(0)] ModelSpec? Spec,
    [property: Id(1)] int Replicas,
    [property: Id(2)] double PricePerGpuHour,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] RolloutProgress? Rollout,
    [property: Id(5)] Release? Stable,
    [property: Id(6)] IReadOnlyList<Release> Releases,
    [property: Id(7)] IReadOnlyDictionary<string, FailedVersion> Failed)
{
    public static ModelRestorePoint Of(ModelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Spec, state.Replicas, state.PricePerGpuHour, state.RegisteredAt, state.Rollout, state.Stable, state.Releases, state.Failed);
    }

    /// <summary><paramref name="state"/> with every field a decision may change put back; signals, cost and the log stay.</summary>
    public ModelState Restore(ModelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with
        {
            Spec = Spec,
            Replicas = Replicas,
            PricePerGpuHour = PricePerGpuHour,
            RegisteredAt = RegisteredAt,
            Rollout = Rollout,
            Interval = [],
            Stable = Stable,
            Releases = Releases,
            Failed = new Dictionary<string, FailedVersion>(Failed),
        };
    }
}
