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
        var now = clock.GetUtcNow();
        if (await Budget(spec).Get() is null)
            return Refused(GrainError.UnknownBudget, $"budget '{spec.Budget}' is not registered: PUT /api/v1/budgets/{spec.Budget} first.");

        var previous = S.Spec;
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

        if (previous is not null && previous.IsSameAs(spec) && grant.Replicas == S.Replicas && S.PendingDecisionId is null)
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
        await Decide(decision);
        return new RegistrationResult(View(), null, previous is null);

        RegistrationResult Refused(string code, string detail) => new(null, new GrainError(code, detail), false);
    }

    Task<ModelView?> IModelGrain.Get() => Task.FromResult(S.Spec is null ? null : View());

    Task<IReadOnlyList<Decision>> IModelGrain.Decisions(int limit) =>
        Task.FromResult<IReadOnlyList<Decision>>(S.Decisions.Reverse().Take(limit).ToList());

    /// <summary>Records the decision durably first, then owes Git its commit until one succeeds.</summary>
    private async Task Decide(Decision decision)
    {
        using var span = ControlPlaneTracing.ForDecision("decide", decision.Id, decision.Kind, Id);
        state.State = S with
        {
            Phase = ModelPhase.Pending,
            UpdatedAt = decision.At,
            Decisions = DecisionLog.Append(S.Decisions, decision, options.Value.DecisionLogCapacity),
            PendingDecisionId = decision.Id,
            LastRefusal = null,
        };
        await state.WriteStateAsync();
        ControlPlaneMetrics.Decisions.WithLabels(decision.Kind, decision.Outcome).Inc();
        ControlPlaneMetrics.ModelReplicas.WithLabels(Id).Set(S.Replicas);
        LogDecision(Id, decision.Kind, new LogLine(decision.Summary), new LogLine(decision.Reason));
        if (!await TryCommit()) ScheduleCommitRetry();
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

    private async Task<bool> TryCommit()
    {
        var decision = S.Decisions.LastOrDefault(d => d.Id == S.PendingDecisionId);
        if (decision is null || S.Spec is null || !ModelId.TryParse(Id, out var modelId, out _)) return true;
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
            return false;
        }
        // The gate was asked before the decision; a denial here means the policies changed in between.
        if (outcome.Denied) LogDeniedAtCommit(Id, decision.Id, LogText.Line(string.Join(" ", outcome.Denials!)));
        var committed = outcome.Denied
            ? decision with { Outcome = DecisionOutcome.Denied, Reason = $"{decision.Reason}; denied at commit: {string.Join(" ", outcome.Denials!)}" }
            : decision with { CommitSha = outcome.Sha };
        state.State = S with
        {
            Phase = SettledPhase(),
            LastCommitSha = outcome.Sha ?? S.LastCommitSha,
            Decisions = DecisionLog.Replace(S.Decisions, committed),
            PendingDecisionId = null,
        };
        await state.WriteStateAsync();
        await PublishDecision(committed);
        return true;
    }

    private string SettledPhase() => S.Rollout is null ? ModelPhase.Stable : ModelPhase.Progressing;

    /// <summary>The catalog and the feed are derived views: failing to update them must not fail or strand the decision.</summary>
    private async Task PublishDecision(Decision decision)
    {
        try
        {
            await GrainFactory.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key)
                .Upsert(new ModelSummary(Id, S.Spec!.Version, S.Replicas, S.Phase, S.Stable?.Version));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commit of decision {DecisionId} for {Model} failed; will retry")]
    private partial void LogCommitFailed(Exception ex, string model, string decisionId);
}
