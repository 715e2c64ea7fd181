using System.Globalization;

namespace ControlPlane.Grains;

/// <summary>FinOps: what the model costs per hour (to itself, its budget and its cluster), and cost recommendations.</summary>
public sealed partial class ModelGrain
{
    private static readonly TimeSpan SpendKept = TimeSpan.FromDays(7);

    /// <summary>Utilization anomalies must also move by 10 percentage points: a 3% wiggle on a flat line is not news.</summary>
    private static readonly AnomalyOptions UtilizationAnomalies = AnomalyOptions.Default with { MinAbsoluteDeviation = 10 };

    /// <summary>
    /// Adds the cost of the GPUs held since the last accrual to the model's hourly ledger, its budget and its cluster.
    /// OpenCost's allocation: max(requested, used) GPUs, used = replicas × GPUs per replica × observed utilization.
    /// </summary>
    private async Task AccrueCost(DateTimeOffset now, bool force)
    {
        if (S.Spec is not { } spec || S.AccruedUntil is not { } since) return;
        if (!force && now - since < options.Value.AccrualInterval) return;
        var requested = S.Replicas * spec.GpusPerReplica;
        var used = S.ObservedGpuUtilization is { } utilization ? requested * utilization / 100 : 0;
        var cost = CostAccrual.Cost(requested, used, S.PricePerGpuHour, now - since);
        if (cost > 0)
        {
            await Budget(spec).AccrueBetween(Id, cost, since, now);
            await Cluster(spec).AccrueSpend(Id, cost, since, now);
        }
        state.State = S with
        {
            AccruedUntil = now,
            Spend = S.Spend.Accrue(cost, since, now).Since(HourlySeries.HourOf(now) - SpendKept),
        };
    }

    async Task<IReadOnlyList<Recommendation>> IModelGrain.Recommendations() =>
        S.Spec is { } spec ? await Recommend(spec, clock.GetUtcNow()) : [];

    async Task<RecommendationResult> IModelGrain.ApplyRecommendation(string id)
    {
        if (await SettleOwedCommit() is { } owed) return new RecommendationResult(null, null, null, owed);
        if (S.Spec is not { } spec) return Refused(GrainError.NotRegistered, $"model '{Id}' is not registered.");
        var now = clock.GetUtcNow();
        if (await Recommend(spec, now) is var current && current.FirstOrDefault(r => r.Id == id) is not { } recommendation)
            return Refused(GrainError.UnknownRecommendation,
                $"recommendation '{id}' is not current for {Id}; current: {(current.Count == 0 ? "none" : string.Join(", ", current.Select(r => r.Id)))}.");
        if (S.Rollout is not null)
            return Refused(GrainError.RolloutConflict, $"{Id} is rolling out {S.Rollout.Candidate.Version}; apply the recommendation after it settles.");

        var target = recommendation.Proposed.ApplyTo(spec);
        var replicas = recommendation.Proposed.Replicas;
        if (ModelSpecRules.Validate(target) is { Count: > 0 } invalid)
            return Refused(GrainError.NotApplicable, $"recommendation '{id}' cannot be applied automatically: {string.Join(" ", invalid)}");
        if (await PolicyDenials(DecisionKind.Recommendation, target, replicas, SettledPhase(), S.Stable?.Version) is { } denials)
            return new RecommendationResult(null, null, null, PolicyRefusal(denials));

        // Advice only ever lowers the hourly cost; should a rule ever raise it, the budget is asked like for a scale-up.
        var cluster = await Cluster(spec).Get();
        var pool = cluster?.Spec.Pool(target.GpuType);
        var price = target.CapacityType == CapacityTypes.Spot ? pool?.SpotPricePerGpuHour ?? pool?.OnDemandPricePerGpuHour : pool?.OnDemandPricePerGpuHour;
        var oldRate = S.Replicas * spec.GpusPerReplica * S.PricePerGpuHour;
        if (price is { } p && replicas * target.GpusPerReplica * p > oldRate)
        {
            var answer = await Budget(spec).ReserveSpend(Id, 0, replicas, target.GpusPerReplica * p);
            if (answer.AllowedReplicas < replicas)
            {
                await Budget(spec).SetRate(Id, oldRate);
                return Refused(GrainError.BudgetExceeded, $"budget {spec.Budget} refuses recommendation '{id}': {answer.Explanation}");
            }
        }
        var grant = await Cluster(spec).Reserve(Id, target.GpuType, target.GpusPerReplica, replicas, replicas);
        if (grant.Error is { } error)
        {
            await Budget(spec).SetRate(Id, oldRate);
            return new RecommendationResult(null, null, null, error);
        }
        var newPrice = grant.PriceFor(target.CapacityTypeOrDefault);
        await Budget(spec).SetRate(Id, grant.Replicas * target.GpusPerReplica * newPrice);

        await AccrueCost(now, force: true); // settle the cost of the old settings first
        var decision = NewDecision(DecisionKind.Recommendation, now,
            string.Create(CultureInfo.InvariantCulture, $"recommendation({Id}): {recommendation.Kind}, {S.Replicas} → {grant.Replicas} replicas"),
            string.Create(CultureInfo.InvariantCulture, $"{recommendation.Reason}; saves about {recommendation.MonthlySaving:0.##} {recommendation.Currency} a month ({ModelSpecChanges.Describe(spec, target)})"),
            S.Replicas, grant.Replicas, DecisionOutcome.Applied, RecommendationInputs(recommendation));
        var before = ModelRestorePoint.Of(S);
        state.State = S with { Spec = target, Replicas = grant.Replicas, PricePerGpuHour = newPrice };
        if (await Decide(decision, before) is { } refused) return new RecommendationResult(null, null, null, refused);
        return new RecommendationResult(recommendation, View(), S.Decisions.LastOrDefault(d => d.Id == decision.Id) ?? decision, null);

        static RecommendationResult Refused(string code, string detail) => new(null, null, null, new GrainError(code, detail));
    }

    /// <summary>CostRecommender over the last week's hourly utilization, the cluster's pools and the budget's currency.</summary>
    private async Task<IReadOnlyList<Recommendation>> Recommend(ModelSpec spec, DateTimeOffset now)
    {
        var cluster = await Cluster(spec).Get();
        var budget = await Budget(spec).Spec();
        var input = new RecommendationInput(Id, spec, S.Replicas, S.Utilization.Summarize(now), cluster?.Spec.Pools ?? [], now, budget?.Currency ?? "USD");
        return CostRecommender.Recommend(input);
    }

    /// <summary>
    /// Once an hour completes, judges it against the model's week of hourly utilization; an anomaly is recorded (model
    /// log, feed, metric, webhook) as a <c>cost-anomaly</c> event, after the hour is remembered as judged.
    /// </summary>
    private async Task JudgeUtilization(DateTimeOffset now)
    {
        var nowHour = HourlySeries.HourOf(now);
        if (S.UtilizationCheckedUntil is { } judged && judged >= nowHour) return;
        var since = S.UtilizationCheckedUntil is { } from && from > nowHour.AddDays(-1) ? from : nowHour.AddDays(-1);
        var series = S.Utilization.ToSeries(nowHour.AddHours(-HourlyUtilization.MaxHours), nowHour);
        var found = AnomalyDetector.Detect("gpu-utilization", series, since, UtilizationAnomalies);
        var events = found.Select(a => new Decision(Guid.CreateVersion7(now).ToString(), DecisionKind.CostAnomaly, Id, now,
            string.Create(CultureInfo.InvariantCulture, $"utilization({Id}): {a.Direction} anomaly at {a.At:yyyy-MM-dd HH:mm}Z"), a.Explanation,
            Outcome: DecisionOutcome.Observed, RequestedBy: Requester.ControlPlane, Inputs: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["metric"] = a.Metric,
                ["hour"] = a.At.ToString("O", CultureInfo.InvariantCulture),
                ["value"] = a.Value.ToString("0.##", CultureInfo.InvariantCulture),
                ["expected"] = a.Expected.ToString("0.##", CultureInfo.InvariantCulture),
                ["score"] = a.Score.ToString("0.##", CultureInfo.InvariantCulture),
                ["direction"] = a.Direction,
            })).ToList();
        state.State = S with
        {
            UtilizationCheckedUntil = nowHour,
            Decisions = events.Aggregate(S.Decisions, (log, e) => DecisionLog.Append(log, e, options.Value.DecisionLogCapacity)),
        };
        if (events.Count == 0) return;
        await state.WriteStateAsync();
        foreach (var e in events)
        {
            ControlPlaneMetrics.BudgetEvents.WithLabels(e.Kind).Inc();
            LogDecision(Id, e.Kind, new LogLine(e.Summary), new LogLine(e.Reason));
            await PublishDecision(e);
            finOpsSink.Publish(e);
        }
    }

    private static Dictionary<string, string> RecommendationInputs(Recommendation recommendation)
    {
        var inputs = new Dictionary<string, string>(recommendation.Evidence, StringComparer.Ordinal)
        {
            ["recommendation-id"] = recommendation.Id,
            ["recommendation-kind"] = recommendation.Kind,
            ["monthly-saving"] = recommendation.MonthlySaving.ToString("0.##", CultureInfo.InvariantCulture),
            ["currency"] = recommendation.Currency,
        };
        return inputs;
    }
}
