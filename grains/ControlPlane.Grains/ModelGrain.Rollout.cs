using System.Globalization;

namespace ControlPlane.Grains;

/// <summary>Rollouts: propose a version, analyse it every interval, then promote it or roll it back.</summary>
public sealed partial class ModelGrain
{
    /// <summary>Drift values kept per interval; beyond this the oldest go (the median hardly moves).</summary>
    public const int MaxIntervalObservations = 10_000;

    /// <summary>
    /// How far before a rollout's start a sample may be stamped and still count: shippers stamp to the
    /// second and clocks drift. Older samples belong to an earlier attempt and must not judge this one.
    /// </summary>
    public static readonly TimeSpan SampleClockGrace = TimeSpan.FromSeconds(5);

    private IGrainTimer? _analysis;

    async Task<ModelResult> IModelGrain.ProposeVersion(VersionProposal proposal)
    {
        if (await SettleOwedCommit() is { } owed) return new ModelResult(null, owed);
        if (S.Spec is not { } spec) return NotRegistered();
        var stable = S.Stable ?? ReleaseSpec.Of(spec, S.RegisteredAt);
        if (VersionProposalRules.Conflict(proposal, stable.Version, S.Rollout?.Candidate.Version, S.Failed) is { } conflict)
            return new ModelResult(null, new GrainError(GrainError.RolloutConflict, conflict));

        var now = clock.GetUtcNow();
        var candidate = new Release(proposal.Version, proposal.Image, proposal.AlignmentReportId, now);
        if (await PolicyDenials(DecisionKind.Rollout, ReleaseSpec.Apply(spec, candidate), S.Replicas, ModelPhase.Progressing, stable.Version) is { } denials)
            return new ModelResult(null, PolicyRefusal(denials));
        var before = ModelRestorePoint.Of(S);
        var previousReference = reference.State;
        reference.State = new ModelReferenceState { Version = proposal.Version, Features = proposal.Reference ?? [] };
        await reference.WriteStateAsync();

        var settings = RolloutSettings.For(spec);
        var inputs = new Dictionary<string, string>
        {
            ["candidateImage"] = proposal.Image,
            ["alignmentReportId"] = proposal.AlignmentReportId,
            ["stableVersion"] = stable.Version,
            ["intervalSeconds"] = settings.Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["promoteAfter"] = settings.PromoteAfter.ToString(CultureInfo.InvariantCulture),
            ["consecutiveBreaches"] = settings.ConsecutiveBreaches.ToString(CultureInfo.InvariantCulture),
            ["bounds"] = string.Join(", ", settings.Bounds.Select(Describe)),
            ["referenceFeatures"] = string.Join(", ", reference.State.Features.Keys.Order(StringComparer.Ordinal)),
        };
        var decision = NewDecision(DecisionKind.Rollout, now, $"rollout({Id}): {stable.Version} → {proposal.Version}",
            $"candidate {proposal.Version} ({proposal.Image}, alignment report {proposal.AlignmentReportId}) under analysis every " +
            $"{settings.Interval.TotalSeconds:0}s: promote after {settings.PromoteAfter} clean intervals, roll back after {settings.ConsecutiveBreaches} breached",
            S.Replicas, S.Replicas, inputs: inputs);
        state.State = S with
        {
            Spec = ReleaseSpec.Apply(spec, candidate),
            Stable = stable,
            Rollout = new RolloutProgress(candidate, stable, now),
            Interval = [],
        };
        if (await Decide(decision, before) is { } refused)
        {
            if (refused.Code == GrainError.PolicyDenied)
            {
                reference.State = previousReference; // the candidate never reached Git: its reference goes too
                await reference.WriteStateAsync();
            }
            return new ModelResult(null, refused);
        }
        StartAnalysisTimer();
        return new ModelResult(View(), null);
    }

    async Task<ModelResult> IModelGrain.Rollback(RollbackRequest request)
    {
        if (await SettleOwedCommit() is { } owed) return new ModelResult(null, owed);
        if (S.Spec is not { } spec) return NotRegistered();
        var now = clock.GetUtcNow();
        var why = $"operator: {request.Reason}";
        if (S.Rollout is { } rollout)
        {
            if (request.ToVersion is { } to && to != rollout.Stable.Version)
                return Conflict($"version {rollout.Candidate.Version} is being rolled out; it can only go back to the stable version {rollout.Stable.Version}.");
            return await RollBack(rollout.Candidate, rollout.Stable, why, new Dictionary<string, string> { ["requestedReason"] = request.Reason }, now) is { } refused
                ? new ModelResult(null, refused)
                : new ModelResult(View(), null);
        }

        var stable = S.Stable ?? ReleaseSpec.Of(spec, S.RegisteredAt);
        var target = request.ToVersion is { } named
            ? S.Releases.LastOrDefault(r => r.Version == named)
            : S.Releases.LastOrDefault(r => r.Version != stable.Version);
        if (target is null)
            return new ModelResult(null, new GrainError(GrainError.UnknownVersion, request.ToVersion is { } v
                ? $"version {v} is not an earlier release of {Id}; known releases: {string.Join(", ", S.Releases.Select(r => r.Version))}."
                : $"{Id} has no earlier release to return to."));
        if (target.Version == stable.Version) return Conflict($"version {stable.Version} is already the stable version.");
        return await RollBack(stable, target, why, new Dictionary<string, string> { ["requestedReason"] = request.Reason }, now) is { } denied
            ? new ModelResult(null, denied)
            : new ModelResult(View(), null);
    }

    async Task<AnalysisReport?> IModelGrain.Analyze()
    {
        if (S.Rollout is not { } rollout || S.Spec is not { } spec) return null;
        var settings = RolloutSettings.For(spec);
        var analysis = RolloutAnalysis.Evaluate(S.Interval, settings.Bounds);
        var step = RolloutPolicy.Next(rollout, analysis, settings);
        ControlPlaneMetrics.RolloutAnalyses.WithLabels(analysis.Verdict).Inc();
        var now = clock.GetUtcNow();
        var inputs = analysis.Metrics.ToDictionary(m => m.Feature is null ? m.Metric : $"{m.Metric}[{m.Feature}]",
            m => $"median {(m.Median is { } median ? median.ToString("0.####", CultureInfo.InvariantCulture) : "not computable")} of {m.Count} ({m.State})");
        switch (step.Action)
        {
            case RolloutAction.Promote:
                await Promote(step.Progress, step.Reason, inputs, now);
                break;
            case RolloutAction.Rollback:
                if (await RollBack(rollout.Candidate, rollout.Stable, step.Reason, inputs, now) is { Code: GrainError.PolicyDenied })
                {
                    state.State = S with { Rollout = step.Progress, Interval = [] }; // denied: the rollout goes on
                    await state.WriteStateAsync();
                }
                break;
            default:
                state.State = S with { Rollout = step.Progress, Interval = [] };
                await state.WriteStateAsync();
                break;
        }
        return new AnalysisReport(step.Action.ToString(), analysis, step.Reason);
    }

    async Task IModelGrain.ObserveDrift(DriftSampleBatch batch)
    {
        if (S.Rollout is not { } rollout)
        {
            ControlPlaneMetrics.DriftObservations.WithLabels("no-rollout").Inc(batch.Samples.Count);
            return;
        }
        var observations = new List<QualityObservation>();
        foreach (var sample in batch.Samples)
        {
            if (sample.Version != rollout.Candidate.Version)
            {
                ControlPlaneMetrics.DriftObservations.WithLabels("other-version").Inc();
                continue;
            }
            if (sample.Timestamp < rollout.StartedAt - SampleClockGrace)
            {
                // Late samples of an earlier attempt of this version must not judge this one.
                ControlPlaneMetrics.DriftObservations.WithLabels("before-rollout").Inc();
                continue;
            }
            if (!sample.IsRaw)
            {
                observations.Add(new QualityObservation(sample.Metric!, sample.Feature, sample.Value!.Value, sample.Timestamp));
                continue;
            }
            var featureReference = reference.State.Version == sample.Version ? reference.State.Features.GetValueOrDefault(sample.Feature!) : null;
            if (DriftComparison.Mismatch(featureReference, sample) is { } mismatch)
            {
                ControlPlaneMetrics.DriftObservations.WithLabels("no-reference").Inc();
                LogDriftIgnored(Id, new LogLine(mismatch));
                continue;
            }
            observations.AddRange(DriftComparison.Compare(featureReference!, sample));
        }
        if (observations.Count == 0) return;
        ControlPlaneMetrics.DriftObservations.WithLabels("analysed").Inc(observations.Count);
        var interval = S.Interval.Concat(observations).ToList();
        state.State = S with { Interval = interval.Count > MaxIntervalObservations ? interval[^MaxIntervalObservations..] : interval };
        await state.WriteStateAsync();
    }

    /// <summary>Makes the candidate stable; null when done, else why not (a policy denial: the rollout then goes on).</summary>
    private async Task<GrainError?> Promote(RolloutProgress progress, string reason, IReadOnlyDictionary<string, string> inputs, DateTimeOffset now)
    {
        var promoted = progress.Candidate;
        if (await PolicyDenials(DecisionKind.Promote, S.Spec!, S.Replicas, ModelPhase.Stable, promoted.Version) is { } denials)
        {
            state.State = S with { Rollout = progress, Interval = [] };
            await Refuse(NewDecision(DecisionKind.Promote, now, $"promote({Id}): {promoted.Version} denied", $"{reason}; denied by policy: {string.Join(" ", denials)}",
                S.Replicas, S.Replicas, DecisionOutcome.Denied, inputs), "policy");
            return PolicyRefusal(denials);
        }
        var before = ModelRestorePoint.Of(S with { Rollout = progress }); // a promotion Git refuses leaves the rollout going on
        StopAnalysisTimer();
        var decision = NewDecision(DecisionKind.Promote, now, $"promote({Id}): {promoted.Version} is stable (was {progress.Stable.Version})",
            reason, S.Replicas, S.Replicas, inputs: inputs);
        var failed = new Dictionary<string, FailedVersion>(S.Failed);
        failed.Remove(promoted.Version); // promoted under a new report: no longer a failed version
        state.State = S with { Rollout = null, Interval = [], Stable = promoted, Releases = ReleaseSpec.Remember(S.Releases, promoted), Failed = failed };
        return await Decide(decision, before);
    }

    /// <summary>
    /// Returns the Deployment to <paramref name="to"/> and marks <paramref name="from"/> failed under its alignment
    /// report; null when done, else why not (a policy denial: nothing changes, and the refusal is recorded).
    /// </summary>
    private async Task<GrainError?> RollBack(Release from, Release to, string reason, IReadOnlyDictionary<string, string> inputs, DateTimeOffset now)
    {
        if (await PolicyDenials(DecisionKind.Rollback, ReleaseSpec.Apply(S.Spec!, to), S.Replicas, ModelPhase.Stable, to.Version) is { } denials)
        {
            await Refuse(NewDecision(DecisionKind.Rollback, now, $"rollback({Id}): {from.Version} → {to.Version} denied",
                $"{reason}; denied by policy: {string.Join(" ", denials)}", S.Replicas, S.Replicas, DecisionOutcome.Denied, inputs), "policy");
            return PolicyRefusal(denials);
        }
        var before = ModelRestorePoint.Of(S);
        StopAnalysisTimer();
        var decision = NewDecision(DecisionKind.Rollback, now, $"rollback({Id}): {from.Version} → {to.Version}", reason, S.Replicas, S.Replicas, inputs: inputs);
        state.State = S with
        {
            Spec = ReleaseSpec.Apply(S.Spec!, to),
            Rollout = null,
            Interval = [],
            Stable = to,
            Releases = S.Releases.Where(r => r.Version != from.Version).ToList(),
            Failed = new Dictionary<string, FailedVersion>(S.Failed) { [from.Version] = new(from.Version, from.AlignmentReportId, reason, now) },
        };
        return await Decide(decision, before);
    }

    private void StartAnalysisTimer()
    {
        if (_analysis is not null || S.Spec is null) return;
        var interval = RolloutSettings.For(S.Spec).Interval;
        _analysis = this.RegisterGrainTimer(_ => ((IModelGrain)this).Analyze(), new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    private void StopAnalysisTimer()
    {
        _analysis?.Dispose();
        _analysis = null;
    }

    private ModelResult NotRegistered() => new(null, new GrainError(GrainError.NotRegistered, $"model '{Id}' is not registered."));

    private static ModelResult Conflict(string detail) => new(null, new GrainError(GrainError.RolloutConflict, detail));

    private static string Describe(QualityBound b) => string.Create(CultureInfo.InvariantCulture,
        $"{b.Metric}{(b.Min is { } min ? $" ≥ {min}" : "")}{(b.Max is { } max ? $" ≤ {max}" : "")}{(b.Critical ? " (critical)" : "")}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Drift sample for {Model} not analysed: {Why}")]
    private partial void LogDriftIgnored(string model, LogLine why);
}
