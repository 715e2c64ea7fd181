namespace ControlPlane.Grains;

/// <summary>The most recent decisions across all models, for the plane-wide view.</summary>
public sealed class DecisionFeedGrain(
    [PersistentState("decisions", StorageNames.Default)] IPersistentState<DecisionFeedState> state) : Grain, IDecisionFeedGrain
{
    public const int Capacity = 1000;

    async Task IDecisionFeedGrain.Record(Decision decision)
    {
        var log = state.State.Decisions;
        state.State = state.State with
        {
            Decisions = log.Any(d => d.Id == decision.Id)
                ? DecisionLog.Replace(log, decision)
                : DecisionLog.Append(log, decision, Capacity),
        };
        await state.WriteStateAsync();
    }

    Task<IReadOnlyList<Decision>> IDecisionFeedGrain.Recent(int limit) =>
        Task.FromResult<IReadOnlyList<Decision>>(state.State.Decisions.OrderByDescending(d => d.At).Take(limit).ToList());
}
