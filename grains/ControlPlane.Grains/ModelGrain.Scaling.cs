namespace ControlPlane.Grains;

/// <summary>
/// Scaling: GPU samples in, Core's rule (reactive, or predictive on the demand forecast fitted here), then the budget,
/// the cluster and the policy gate have their say.
/// </summary>
public sealed partial class ModelGrain
{
    async Task IModelGrain.Observe(GpuSampleBatch batch)
    {
        if (S.Spec is not { } spec)
        {
            LogUnregisteredSamples(Id, batch.Samples.Count);
            return;
        }
        var now = clock.GetUtcNow();
        var window = S.Window.Add(batch.Samples, now);
        var demand = S.Demand.Add(batch.Samples.Where(s => s.RequestsPerSecond is not null).Select(s => (s.Timestamp, s.RequestsPerSecond!.Value)), S.Replicas);
        var scaling = spec.ScalingMode == ScalingModes.Predictive
            ? PredictiveScaling.Decide(new PredictiveScalingInput(spec, S.Replicas, window.MeanOver(TimeSpan.FromSeconds(spec.MetricWindowSeconds), now),
                demand.Forecast(), DemandFit.Scaling, S.History, now))
            : ScalingPolicy.Decide(new ScalingInput(spec, S.Replicas, window, S.History, now));
        var latest = batch.Samples.Max(s => s.Timestamp);
        state.State = S with
        {
            Window = window,
            Demand = demand,
            History = scaling.History,
            ObservedGpuUtilization = scaling.ObservedUtilization ?? S.ObservedGpuUtilization,
            LastSampleAt = latest > (S.LastSampleAt ?? default) ? latest : S.LastSampleAt,
            Utilization = S.Utilization.Add(batch.Samples.Select(s => (s.Timestamp, s.GpuUtilization)), now),
        };
        await AccrueCost(now, force: false);
        await JudgeUtilization(now);
        if (scaling.Changes) await Rescale(spec, scaling, now);
    }

    /// <summary>
    /// A scale-up asks the budget (which may cap it) and then the cluster (which may cap it further);
    /// a scale-down releases GPUs. Whatever is refused is recorded with its reason; nothing is half-applied.
    /// </summary>
    private async Task Rescale(ModelSpec spec, ScalingDecision scaling, DateTimeOffset now)
    {
        if (S.PendingDecisionId is not null)
        {
            // No decision on top of one Git does not have yet: settle it (commit, or undo if denied); the next batch decides.
            await SettleOwedCommit();
            return;
        }
        var current = S.Replicas;
        var desired = scaling.DesiredReplicas;
        var costPerReplicaHour = spec.GpusPerReplica * S.PricePerGpuHour;
        var inputs = new Dictionary<string, string>(scaling.Inputs);
        var target = desired;
        var limitedBy = new List<string>();

        if (desired > current)
        {
            var answer = await Budget(spec).ReserveSpend(Id, current, desired, costPerReplicaHour);
            inputs["budget"] = answer.Explanation;
            target = answer.AllowedReplicas;
            if (target < desired) limitedBy.Add($"budget {spec.Budget}: {answer.Explanation}");
            if (target <= current)
            {
                await Refuse(NewDecision(DecisionKind.Scale, now, $"scale({Id}): {current} → {desired} replicas denied",
                    $"{scaling.Reason}; denied by budget {spec.Budget}: {answer.Explanation}", current, current, DecisionOutcome.Denied, inputs), "budget");
                return;
            }
        }

        var grant = await Cluster(spec).Reserve(Id, spec.GpuType, spec.GpusPerReplica, target, spec.Replicas.Min);
        var replicas = grant.Error is null ? grant.Replicas : current;
        inputs["capacity"] = grant.Error?.Detail ?? $"{grant.Replicas} replicas × {spec.GpusPerReplica} {spec.GpuType} GPUs reserved in {spec.Cluster}";
        if (replicas < target) limitedBy.Add($"cluster {spec.Cluster}: {inputs["capacity"]}");
        await Budget(spec).SetRate(Id, replicas * costPerReplicaHour); // releases what the budget held beyond the grant
        if (replicas == current)
        {
            await Refuse(NewDecision(DecisionKind.Scale, now, $"scale({Id}): {current} → {desired} replicas denied",
                $"{scaling.Reason}; denied: {string.Join("; ", limitedBy)}", current, current, DecisionOutcome.Denied, inputs), "capacity");
            return;
        }

        if (await PolicyDenials(DecisionKind.Scale, spec, replicas, SettledPhase(), S.Stable?.Version) is { } denials)
        {
            // Give back what was held for the refused replicas.
            await Cluster(spec).Reserve(Id, spec.GpuType, spec.GpusPerReplica, current, 0);
            await Budget(spec).SetRate(Id, current * costPerReplicaHour);
            await Refuse(NewDecision(DecisionKind.Scale, now, $"scale({Id}): {current} → {replicas} replicas denied",
                $"{scaling.Reason}; denied by policy: {string.Join(" ", denials)}", current, current, DecisionOutcome.Denied, inputs), "policy");
            return;
        }
        await AccrueCost(now, force: true); // settle the cost of the old replica count first
        var capped = replicas != desired;
        var reason = capped ? $"{scaling.Reason}; capped at {replicas} by {string.Join("; ", limitedBy)}" : scaling.Reason;
        var decision = NewDecision(DecisionKind.Scale, now, $"scale({Id}): {current} → {replicas} replicas", reason,
            current, replicas, capped ? DecisionOutcome.Capped : DecisionOutcome.Applied, inputs);
        var before = ModelRestorePoint.Of(S);
        state.State = S with { Replicas = replicas };
        await Decide(decision, before); // nobody waits for a scale: a denial at commit is undone and logged, a failure retried
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} samples for unregistered model {Model}")]
    private partial void LogUnregisteredSamples(string model, int count);
}
