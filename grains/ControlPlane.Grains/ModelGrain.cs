using System.Globalization;
using ControlPlane.Core.Naming;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace ControlPlane.Grains;

/// <summary>
/// One model deployment: takes its GPU samples from the "gpu" stream, asks Core for a scaling
/// decision, reserves GPUs with its cluster, and has every decision committed to Git.
/// </summary>
[ImplicitStreamSubscription(StreamNamespaces.Gpu)]
public sealed partial class ModelGrain(
    [PersistentState("model", StorageNames.Default)] IPersistentState<ModelState> state,
    IOptions<ModelGrainOptions> options,
    IOptions<GitOpsOptions> gitOptions,
    TimeProvider time,
    ILogger<ModelGrain> logger)
    : Grain, IModelGrain, IStreamSubscriptionObserver, IAsyncObserver<GpuSampleBatch>
{
    private ModelState S => state.State;
    private string Id => this.GetPrimaryKeyString();
    private IGrainTimer? _commitRetry;
    private TimeSpan _retryDelay;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.PendingDecisionId is not null) ScheduleCommitRetry(); // a commit was owed when we last stopped
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (S.Spec is not null) await state.WriteStateAsync(cancellationToken); // keep the signal window across moves
    }

    async Task<RegistrationResult> IModelGrain.Register(ModelSpec spec)
    {
        var now = time.GetUtcNow();
        if (await GrainFactory.GetGrain<IBudgetGrain>(spec.Budget).Get() is null)
            return Refused(GrainError.UnknownBudget, $"budget '{spec.Budget}' is not registered: PUT /api/v1/budgets/{spec.Budget} first.");

        var previous = S.Spec;
        var wanted = previous is null ? spec.Replicas.Min : Math.Clamp(S.Replicas, spec.Replicas.Min, spec.Replicas.Max);
        var grant = await GrainFactory.GetGrain<IClusterGrain>(spec.Cluster).Reserve(Id, spec.GpuType, spec.GpusPerReplica, wanted, spec.Replicas.Min);
        if (grant.Error is { } error) return new RegistrationResult(null, error, false);
        if (previous is not null && previous.Cluster != spec.Cluster)
            await GrainFactory.GetGrain<IClusterGrain>(previous.Cluster).Reserve(Id, previous.GpuType, previous.GpusPerReplica, 0, 0);

        if (previous is not null && previous.IsSameAs(spec) && grant.Replicas == S.Replicas && S.PendingDecisionId is null)
            return new RegistrationResult(View(), null, false);

        await AccrueCost(now, force: true);
        var kind = previous is null ? DecisionKind.Register : DecisionKind.Update;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{kind}({Id}): {spec.Version} with {grant.Replicas} {(grant.Replicas == 1 ? "replica" : "replicas")}");
        var reason = previous is null
            ? $"registered on {spec.Cluster} ({spec.GpuType} × {spec.GpusPerReplica} per replica), budget {spec.Budget}"
            : $"spec updated: {Changes(previous, spec)}";
        var decision = NewDecision(kind, now, summary, reason, previous is null ? null : S.Replicas, grant.Replicas);
        state.State = S with
        {
            Spec = spec,
            Replicas = grant.Replicas,
            PricePerGpuHour = grant.PricePerGpuHour,
            RegisteredAt = previous is null ? now : S.RegisteredAt,
            AccruedUntil = now,
        };
        await Decide(decision);
        return new RegistrationResult(View(), null, previous is null);

        RegistrationResult Refused(string code, string detail) => new(null, new GrainError(code, detail), false);
    }

    Task<ModelView?> IModelGrain.Get() => Task.FromResult(S.Spec is null ? null : View());

    Task<IReadOnlyList<Decision>> IModelGrain.Decisions(int limit) =>
        Task.FromResult<IReadOnlyList<Decision>>(S.Decisions.Reverse().Take(limit).ToList());

    async Task IModelGrain.Observe(GpuSampleBatch batch)
    {
        if (S.Spec is not { } spec)
        {
            LogUnregisteredSamples(Id, batch.Samples.Count);
            return;
        }
        var now = time.GetUtcNow();
        var window = S.Window.Add(batch.Samples, now);
        var scaling = ScalingPolicy.Decide(new ScalingInput(spec, S.Replicas, window, S.History, now));
        state.State = S with
        {
            Window = window,
            History = scaling.History,
            ObservedGpuUtilization = scaling.ObservedUtilization ?? S.ObservedGpuUtilization,
            LastSampleAt = batch.Samples.Max(s => s.Timestamp) is var latest && latest > (S.LastSampleAt ?? default) ? latest : S.LastSampleAt,
        };
        await AccrueCost(now, force: false);
        if (!scaling.Changes) return;

        var grant = await GrainFactory.GetGrain<IClusterGrain>(spec.Cluster)
            .Reserve(Id, spec.GpuType, spec.GpusPerReplica, scaling.DesiredReplicas, spec.Replicas.Min);
        var replicas = grant.Error is null ? grant.Replicas : S.Replicas;
        if (replicas == S.Replicas)
        {
            LogScaleBlocked(Id, scaling.DesiredReplicas, grant.Error?.Detail ?? "no free GPUs in the pool");
            return;
        }
        await AccrueCost(now, force: true);
        var reason = replicas < scaling.DesiredReplicas
            ? $"{scaling.Reason}; capped at {replicas} by free {spec.GpuType} GPUs in cluster {spec.Cluster}"
            : scaling.Reason;
        var summary = $"scale({Id}): {S.Replicas} → {replicas} replicas";
        var decision = NewDecision(DecisionKind.Scale, now, summary, reason, S.Replicas, replicas);
        state.State = S with { Replicas = replicas };
        await Decide(decision);
    }

    /// <summary>Records the decision durably first, then owes Git its commit until one succeeds.</summary>
    private async Task Decide(Decision decision)
    {
        state.State = S with
        {
            Phase = ModelPhase.Pending,
            UpdatedAt = decision.At,
            Decisions = DecisionLog.Append(S.Decisions, decision, options.Value.DecisionLogCapacity),
            PendingDecisionId = decision.Id,
        };
        await state.WriteStateAsync();
        ControlPlaneMetrics.Decisions.WithLabels(decision.Kind).Inc();
        LogDecision(Id, decision.Kind, decision.Summary, decision.Reason);
        if (!await TryCommit()) ScheduleCommitRetry();
    }

    private async Task<bool> TryCommit()
    {
        var decision = S.Decisions.LastOrDefault(d => d.Id == S.PendingDecisionId);
        if (decision is null || S.Spec is null || !ModelId.TryParse(Id, out var modelId, out _)) return true;
        var change = new DesiredStateChange(decision.Id, decision.Kind, decision.Summary, decision.Reason,
            new ModelDesiredState(modelId, S.Spec, S.Replicas));
        CommitOutcome outcome;
        try
        {
            outcome = await GrainFactory.GetGrain<IGitOpsWriterGrain>(gitOptions.Value.WriterKey).Apply(change);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ControlPlaneMetrics.CommitFailures.Inc();
            LogCommitFailed(ex, Id, decision.Id);
            await PublishDecision(decision);
            return false;
        }
        var committed = decision with { CommitSha = outcome.Sha };
        state.State = S with
        {
            Phase = ModelPhase.Stable,
            StableVersion = S.Spec.Version,
            LastCommitSha = outcome.Sha ?? S.LastCommitSha,
            Decisions = DecisionLog.Replace(S.Decisions, committed),
            PendingDecisionId = null,
        };
        await state.WriteStateAsync();
        await PublishDecision(committed);
        return true;
    }

    private async Task PublishDecision(Decision decision)
    {
        await GrainFactory.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key)
            .Upsert(new ModelSummary(Id, S.Spec!.Version, S.Replicas, S.Phase));
        await GrainFactory.GetGrain<IDecisionFeedGrain>(IDecisionFeedGrain.Key).Record(decision);
    }

    private void ScheduleCommitRetry()
    {
        if (_commitRetry is not null) return;
        _retryDelay = options.Value.CommitRetryDelay;
        _commitRetry = this.RegisterGrainTimer(async ct =>
        {
            if (await TryCommit())
            {
                _commitRetry?.Dispose();
                _commitRetry = null;
                return;
            }
            _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            _commitRetry?.Change(_retryDelay, _retryDelay);
        }, new GrainTimerCreationOptions(_retryDelay, _retryDelay) { KeepAlive = true });
    }

    /// <summary>Adds the cost of the GPUs held since the last accrual to the model's budget.</summary>
    private async Task AccrueCost(DateTimeOffset now, bool force)
    {
        if (S.Spec is not { } spec || S.AccruedUntil is not { } since) return;
        if (!force && now - since < options.Value.AccrualInterval) return;
        var cost = CostAccrual.Cost(S.Replicas * spec.GpusPerReplica, S.PricePerGpuHour, now - since);
        if (cost > 0) await GrainFactory.GetGrain<IBudgetGrain>(spec.Budget).Accrue(Id, cost, now);
        state.State = S with { AccruedUntil = now };
    }

    private Decision NewDecision(string kind, DateTimeOffset at, string summary, string reason, int? from, int? to) =>
        new(Guid.CreateVersion7(at).ToString(), kind, Id, at, summary, reason, from, to);

    private ModelView View() => new(Id, S.Spec!, S.Replicas, S.Phase, S.StableVersion, S.ObservedGpuUtilization,
        S.LastSampleAt, S.RegisteredAt, S.UpdatedAt, S.LastCommitSha, S.PricePerGpuHour);

    private static string Changes(ModelSpec before, ModelSpec after)
    {
        var changed = new List<string>();
        if (before.Image != after.Image) changed.Add($"image {before.Image} → {after.Image}");
        if (before.Replicas != after.Replicas) changed.Add($"replicas [{before.Replicas.Min}, {before.Replicas.Max}] → [{after.Replicas.Min}, {after.Replicas.Max}]");
        if (before.Cluster != after.Cluster) changed.Add($"cluster {before.Cluster} → {after.Cluster}");
        if (before.GpusPerReplica != after.GpusPerReplica) changed.Add($"GPUs per replica {before.GpusPerReplica} → {after.GpusPerReplica}");
        return changed.Count == 0 ? "settings changed" : string.Join(", ", changed);
    }

    Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<GpuSampleBatch>().ResumeAsync(this);

    Task IAsyncObserver<GpuSampleBatch>.OnNextAsync(GpuSampleBatch item, StreamSequenceToken? token) =>
        ((IModelGrain)this).Observe(item);

    Task IAsyncObserver<GpuSampleBatch>.OnCompletedAsync() => Task.CompletedTask;

    Task IAsyncObserver<GpuSampleBatch>.OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Decided {Kind} for {Model}: {Summary} ({Reason})")]
    private partial void LogDecision(string model, string kind, string summary, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commit of decision {DecisionId} for {Model} failed; will retry")]
    private partial void LogCommitFailed(Exception ex, string model, string decisionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scaling {Model} to {Replicas} blocked: {Why}")]
    private partial void LogScaleBlocked(string model, int replicas, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} samples for unregistered model {Model}")]
    private partial void LogUnregisteredSamples(string model, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream error for {Model}")]
    private partial void LogStreamError(Exception ex, string model);
}
