using System.Globalization;
using ControlPlane.Core.Naming;

namespace ControlPlane.Grains;

/// <summary>
/// One model deployment. Decisions (registration, scaling, rollout) are recorded durably first, then
/// the model owes Git a commit until the single writer has written it. This file holds registration
/// and that commit pipeline; scaling, rollouts and stream handling live in the other partial files.
/// </summary>
[ImplicitStreamSubscription(StreamNamespaces.Gpu)]
[ImplicitStreamSubscription(StreamNamespaces.Drift)]
public sealed partial class ModelGrain(
    [PersistentState("model", StorageNames.Default)] IPersistentState<ModelState> state,
    [PersistentState("reference", StorageNames.Default)] IPersistentState<ModelReferenceState> reference,
    IOptions<ModelGrainOptions> options,
    IOptions<GitOpsOptions> gitOptions,
    IFinOpsEventSink finOpsSink,
    DecisionClock clock,
    TimeProvider time,
    ILogger<ModelGrain> logger) : Grain, IModelGrain
{
    private ModelState S => state.State;
    private string Id => this.GetPrimaryKeyString();
    private IGrainTimer? _commitRetry;
    private TimeSpan _retryDelay;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.PendingDecisionId is not null) ScheduleCommitRetry(); // a commit was owed when we last stopped
        if (S.Rollout is not null) StartAnalysisTimer();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (S.Spec is not null) await state.WriteStateAsync(cancellationToken); // keep the signal window across moves
    }

    async Task<RegistrationResult> IModelGrain.Register(ModelSpec spec)
    {
        if (await SettleOwedCommit() is { } owed) return new RegistrationResult(null, owed, false);
        var now = clock.GetUtcNow();
        if (await Budget(spec).Get() is null)
            return Refused(GrainError.UnknownBudget, $"budget '{spec.Budget}' is not registered: PUT /api/v1/budgets/{spec.Budget} first.");

        var previous = S.Spec;
        var before = ModelRestorePoint.Of(S);
        var wanted = previous is null ? spec.Replicas.Min : Math.Clamp(S.Replicas, spec.Replicas.Min, spec.Replicas.Max);
        var kind = previous is null ? DecisionKind.Register : DecisionKind.Update;
        if (await PolicyDenials(kind, spec, wanted, ModelPhase.Stable, spec.Version) is { } denials)
            return new RegistrationResult(null, PolicyRefusal(denials), false);
        var grant = await Cluster(spec).Reserve(Id, spec.GpuType, spec.GpusPerReplica, wanted, spec.Replicas.Min);
        if (grant.Error is { } error) return new RegistrationResult(null, error, false);
        if (previous is not null && previous.Cluster != spec.Cluster)
            await Cluster(previous).Reserve(Id, previous.GpuType, previous.GpusPerReplica, 0, 0);
        if (previous is not null && previous.Budget != spec.Budget) await Budget(previous).SetRate(Id, 0);
        var price = grant.PriceFor(spec.CapacityTypeOrDefault);
        await Budget(spec).SetRate(Id, grant.Replicas * spec.GpusPerReplica * price);

        if (previous is not null && previous.IsSameAs(spec) && grant.Replicas == S.Replicas)
            return new RegistrationResult(View(), null, false);

        await AccrueCost(now, force: true);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{kind}({Id}): {spec.Version} with {grant.Replicas} {(grant.Replicas == 1 ? "replica" : "replicas")}");
        var reason = previous is null
            ? $"registered on {spec.Cluster} ({spec.GpuType} × {spec.GpusPerReplica} per replica), budget {spec.Budget}"
            : $"spec updated: {ModelSpecChanges.Describe(previous, spec)}";
        var decision = NewDecision(kind, now, summary, reason, previous is null ? null : S.Replicas, grant.Replicas);
        // A spec written by an administrator is the new stable release; a rollout in progress is superseded.
        var release = ReleaseSpec.Of(spec, now);
        StopAnalysisTimer();
        state.State = S with
        {
            Spec = spec,
            Replicas = grant.Replicas,
            PricePerGpuHour = price,
            RegisteredAt = previous is null ? now : S.RegisteredAt,
            AccruedUntil = now,
            Rollout = null,
            Interval = [],
            Stable = release,
            Releases = ReleaseSpec.Remember(S.Releases, release),
        };
        if (await Decide(decision, before) is { } refused) return new RegistrationResult(null, refused, false);
        return new RegistrationResult(View(), null, previous is null);

        RegistrationResult Refused(string code, string detail) => new(null, new GrainError(code, detail), false);
    }

    Task<ModelView?> IModelGrain.Get() => Task.FromResult(S.Spec is null ? null : View());

    Task<IReadOnlyList<Decision>> IModelGrain.Decisions(int limit) =>
        Task.FromResult<IReadOnlyList<Decision>>(S.Decisions.Reverse().Take(limit).ToList());

    /// <summary>
    /// Records the decision durably first (with what the model was before it), then commits it. Null once it is on the
    /// branch; a policy denial when the commit-time check refused it and the model went back to <paramref name="before"/>;
    /// <see cref="GrainError.CommitPending"/> when the writer could not take it now (a timer retries until it does).
    /// </summary>
    private async Task<GrainError?> Decide(Decision decision, ModelRestorePoint before)
    {
        using var span = ControlPlaneTracing.ForDecision("decide", decision.Id, decision.Kind, Id);
        state.State = S with
        {
            Phase = ModelPhase.Pending,
            UpdatedAt = decision.At,
            Decisions = DecisionLog.Append(S.Decisions, decision, options.Value.DecisionLogCapacity),
            PendingDecisionId = decision.Id,
            PendingRestore = before,
            LastRefusal = null,
        };
        await state.WriteStateAsync();
        ControlPlaneMetrics.Decisions.WithLabels(decision.Kind, decision.Outcome).Inc();
        ControlPlaneMetrics.ModelReplicas.WithLabels(Id).Set(S.Replicas);
        LogDecision(Id, decision.Kind, new LogLine(decision.Summary), new LogLine(decision.Reason));
        var fate = await TryCommit();
        if (fate?.Code == GrainError.CommitPending) ScheduleCommitRetry();
        return fate;
    }

    /// <summary>
    /// Records a decision that changes nothing (a denied scale), once per distinct refusal: the same
    /// proposal refused by the same limit is not logged again on every sample batch.
    /// </summary>
    private async Task Refuse(Decision decision, string limitedBy)
    {
        var key = $"{decision.Summary}|{limitedBy}";
        if (S.LastRefusal == key) return;
        state.State = S with
        {
            Decisions = DecisionLog.Append(S.Decisions, decision, options.Value.DecisionLogCapacity),
            LastRefusal = key,
        };
        await state.WriteStateAsync();
        ControlPlaneMetrics.Decisions.WithLabels(decision.Kind, decision.Outcome).Inc();
        LogDecision(Id, decision.Kind, new LogLine(decision.Summary), new LogLine(decision.Reason));
        await GrainFactory.GetGrain<IDecisionFeedGrain>(IDecisionFeedGrain.Key).Record(decision);
    }

    /// <summary>
    /// Before a new decision, the one still owed to Git is settled: committed, or undone if Git's policies now deny it.
    /// Null when nothing is owed any more; <see cref="GrainError.CommitPending"/> while the writer still cannot take it,
    /// so no decision is built on one Git does not have (a PUT retried after a 503 learns the fate of the first).
    /// </summary>
    private async Task<GrainError?> SettleOwedCommit() =>
        S.PendingDecisionId is not null && await TryCommit() is { Code: GrainError.CommitPending } owed ? owed : null;

    /// <summary>Commits the pending decision: null when it is on the branch (or there is none), else why not (see <see cref="Decide"/>).</summary>
    private async Task<GrainError?> TryCommit()
    {
        var decision = S.Decisions.LastOrDefault(d => d.Id == S.PendingDecisionId);
        if (decision is null || S.Spec is null || !ModelId.TryParse(Id, out var modelId, out _)) return null;
        var desired = new ModelDesiredState(modelId, S.Spec, S.Replicas, SettledPhase(), S.Stable?.Version);
        CommitOutcome outcome;
        try
        {
            outcome = await Writer.Apply(new DesiredStateChange(decision.Id, decision.Kind, decision.Summary, decision.Reason, desired, decision.RequestedBy));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ControlPlaneMetrics.CommitFailures.Inc();
            LogCommitFailed(ex, Id, decision.Id);
            await PublishDecision(decision);
            return new GrainError(GrainError.CommitPending,
                $"decision {decision.Id} ({decision.Summary}) is stored but not yet on the branch: the Git writer could not take it ({LogText.Line(ex.Message)}). " +
                "It is retried until it is; repeat the request to learn its fate.");
        }
        if (outcome.Denied)
        {
            // The gate admitted it before the decision; policies on the branch changed in between.
            LogDeniedAtCommit(Id, decision.Id, LogText.Line(string.Join(" ", outcome.Denials!)));
            ControlPlaneMetrics.PolicyDenials.WithLabels(decision.Kind).Inc();
            await Undo(decision with
            {
                Outcome = DecisionOutcome.Denied,
                Reason = $"{decision.Reason}; denied at commit: {string.Join(" ", outcome.Denials!)}",
            });
            return PolicyRefusal(outcome.Denials!);
        }
        var committed = decision with { CommitSha = outcome.Sha };
        state.State = S with
        {
            Phase = SettledPhase(),
            LastCommitSha = outcome.Sha ?? S.LastCommitSha,
            Decisions = DecisionLog.Replace(S.Decisions, committed),
            PendingDecisionId = null,
            PendingRestore = null,
        };
        await state.WriteStateAsync();
        await PublishDecision(committed);
        return null;
    }

    /// <summary>
    /// A decision Git refused: the model goes back to what it was before it, and the GPUs and spend rate it held go
    /// back with it; the decision stays in the log as denied.
    /// </summary>
    private async Task Undo(Decision denied)
    {
        var refused = S;
        var restored = S.PendingRestore?.Restore(S) ?? S;
        state.State = restored with
        {
            Phase = restored.Spec is null ? ModelPhase.Pending : restored.Rollout is null ? ModelPhase.Stable : ModelPhase.Progressing,
            Decisions = DecisionLog.Replace(S.Decisions, denied),
            PendingDecisionId = null,
            PendingRestore = null,
        };
        await state.WriteStateAsync();
        ControlPlaneMetrics.ModelReplicas.WithLabels(Id).Set(S.Replicas);
        await ReturnHoldings(refused);
        if (S.Rollout is null) StopAnalysisTimer();
        else StartAnalysisTimer();
        await PublishDecision(denied);
    }

    /// <summary>Puts the cluster reservation and the budget's rate back to what the restored model holds.</summary>
    private async Task ReturnHoldings(ModelState refused)
    {
        if (refused.Spec is { } was && was.Cluster != S.Spec?.Cluster) await Cluster(was).Reserve(Id, was.GpuType, was.GpusPerReplica, 0, 0);
        if (refused.Spec is { } spent && spent.Budget != S.Spec?.Budget) await Budget(spent).SetRate(Id, 0);
        if (S.Spec is not { } spec) return;
        var grant = await Cluster(spec).Reserve(Id, spec.GpuType, spec.GpusPerReplica, S.Replicas, 0);
        if (grant.Replicas < S.Replicas) LogHoldingsShort(Id, S.Replicas, grant.Replicas);
        await Budget(spec).SetRate(Id, S.Replicas * spec.GpusPerReplica * S.PricePerGpuHour);
    }

    private string SettledPhase() => S.Rollout is null ? ModelPhase.Stable : ModelPhase.Progressing;

    /// <summary>The catalog and the feed are derived views: failing to update them must not fail or strand the decision.</summary>
    private async Task PublishDecision(Decision decision)
    {
        try
        {
            if (S.Spec is { } spec) // a first registration that Git refused was never listed
                await GrainFactory.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key).Upsert(new ModelSummary(Id, spec.Version, S.Replicas, S.Phase, S.Stable?.Version));
            await GrainFactory.GetGrain<IDecisionFeedGrain>(IDecisionFeedGrain.Key).Record(decision);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(ex, Id, decision.Id);
        }
    }

    private void ScheduleCommitRetry()
    {
        if (_commitRetry is not null) return;
        _retryDelay = options.Value.CommitRetryDelay;
        _commitRetry = this.RegisterGrainTimer(async ct =>
        {
            if ((await TryCommit())?.Code != GrainError.CommitPending)
            {
                _commitRetry?.Dispose();
                _commitRetry = null;
                return;
            }
            _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            _commitRetry?.Change(_retryDelay, _retryDelay);
        }, new GrainTimerCreationOptions(_retryDelay, _retryDelay) { KeepAlive = true });
    }

    private IGitOpsWriterGrain Writer => GrainFactory.GetGrain<IGitOpsWriterGrain>(gitOptions.Value.WriterKey);

    /// <summary>Null when the policy gate admits the model in this state, else the denials (counted).</summary>
    private async Task<IReadOnlyList<string>?> PolicyDenials(string kind, ModelSpec spec, int replicas, string phase, string? stableVersion)
    {
        if (!ModelId.TryParse(Id, out var modelId, out _)) return [$"'{Id}' is not a namespace/name model id."];
        var check = await TransientGrainCalls.Retry(() => Writer.Check(new ModelDesiredState(modelId, spec, replicas, phase, stableVersion)), time);
        if (check.Allowed) return null;
        ControlPlaneMetrics.PolicyDenials.WithLabels(kind).Inc();
        return check.Denials;
    }

    private GrainError PolicyRefusal(IReadOnlyList<string> denials) =>
        new(GrainError.PolicyDenied, $"the policy gate denied {Id}: {string.Join(" ", denials)}", denials);

    private IBudgetGrain Budget(ModelSpec spec) => GrainFactory.GetGrain<IBudgetGrain>(spec.Budget);

    private IClusterGrain Cluster(ModelSpec spec) => GrainFactory.GetGrain<IClusterGrain>(spec.Cluster);

    /// <summary>A decision requested by whoever called in: the gateway puts its principal in the request context; signals and timers carry none.</summary>
    private Decision NewDecision(string kind, DateTimeOffset at, string summary, string reason, int? from, int? to,
        string outcome = DecisionOutcome.Applied, IReadOnlyDictionary<string, string>? inputs = null) =>
        new(Guid.CreateVersion7(at).ToString(), kind, Id, at, summary, reason, from, to, null, outcome, inputs,
            Requester.Normalize(RequestContext.Get(Requester.ContextKey) as string));

    private ModelView View() => new(Id, S.Spec!, S.Replicas, S.Phase, S.Stable?.Version, S.ObservedGpuUtilization,
        S.LastSampleAt, S.RegisteredAt, S.UpdatedAt, S.LastCommitSha, S.PricePerGpuHour,
        S.Rollout, S.Releases, S.Failed, reference.State.Features.Keys.Order(StringComparer.Ordinal).ToList());

    [LoggerMessage(Level = LogLevel.Information, Message = "Decided {Kind} for {Model}: {Summary} ({Reason})")]
    private partial void LogDecision(string model, string kind, LogLine summary, LogLine reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing decision {DecisionId} of {Model} to the catalog and feed failed")]
    private partial void LogPublishFailed(Exception ex, string model, string decisionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Decision {DecisionId} for {Model} was denied by policy at commit time: {Denials}")]
    private partial void LogDeniedAtCommit(string model, string decisionId, string denials);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Model} went back to {Replicas} replicas after a denied commit, but its cluster now grants only {Granted}")]
    private partial void LogHoldingsShort(string model, int replicas, int granted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commit of decision {DecisionId} for {Model} failed; will retry")]
    private partial void LogCommitFailed(Exception ex, string model, string decisionId);
}
