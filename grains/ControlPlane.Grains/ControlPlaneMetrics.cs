using Prometheus;

namespace ControlPlane.Grains;

/// <summary>The plane's Prometheus metrics; names follow Prometheus conventions.</summary>
public static class ControlPlaneMetrics
{
    public static readonly Counter Decisions = Metrics.CreateCounter(
        "controlplane_decisions_total", "Decisions made, by kind and outcome (applied, capped, denied).",
        new CounterConfiguration { LabelNames = ["kind", "outcome"] });

    public static readonly Counter RolloutAnalyses = Metrics.CreateCounter(
        "controlplane_rollout_analyses_total", "Rollout analysis intervals, by verdict.", new CounterConfiguration { LabelNames = ["verdict"] });

    public static readonly Counter DriftObservations = Metrics.CreateCounter(
        "controlplane_drift_observations_total", "Drift samples reaching a model, by what became of them.",
        new CounterConfiguration { LabelNames = ["outcome"] });

    public static readonly Counter Signals = Metrics.CreateCounter(
        "controlplane_signals_total",
        "Signal samples received, by stream, outcome (accepted, rejected as invalid or for an unknown model, dropped by a full stream queue) and source (rest, prometheus).",
        new CounterConfiguration { LabelNames = ["stream", "outcome", "source"] });

    public static readonly Histogram CommitDuration = Metrics.CreateHistogram(
        "controlplane_git_commit_duration_seconds", "Time to render and commit one decision (a pass's time shared among its decisions).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

    public static readonly Histogram CommitBatchSize = Metrics.CreateHistogram(
        "controlplane_git_commit_batch_size", "Decisions written to the branch in one pass of the writer.",
        new HistogramConfiguration { Buckets = [1, 2, 4, 8, 16, 32, 64] });

    public static readonly Counter PolicyDenials = Metrics.CreateCounter(
        "controlplane_policy_denials_total", "Desired states the policy gate refused, by decision kind.",
        new CounterConfiguration { LabelNames = ["kind"] });

    public static readonly Counter Pushes = Metrics.CreateCounter(
        "controlplane_git_pushes_total", "Push attempts to the remote, by outcome.", new CounterConfiguration { LabelNames = ["outcome"] });

    public static readonly Histogram PushDuration = Metrics.CreateHistogram(
        "controlplane_git_push_duration_seconds", "Time one push attempt to the remote took, fetch and replay included, whatever its outcome.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });

    public static readonly Counter PushRetries = Metrics.CreateCounter(
        "controlplane_git_push_retries_total", "Pushes that failed and were scheduled again after a backoff.");

    public static readonly Counter PushOverwrites = Metrics.CreateCounter(
        "controlplane_git_push_overwrites_total", "Files the plane owns that others had changed on the remote, overwritten by its desired state.");

    public static readonly Counter FluxNotifications = Metrics.CreateCounter(
        "controlplane_flux_receiver_calls_total", "Calls to the Flux Receiver after a push, by outcome.", new CounterConfiguration { LabelNames = ["outcome"] });

    public static readonly Counter BudgetEvents = Metrics.CreateCounter(
        "controlplane_budget_events_total", "FinOps events reported (threshold crossed, forecast over limit, anomaly), by kind.",
        new CounterConfiguration { LabelNames = ["kind"] });

    public static readonly Gauge BudgetSpend = Metrics.CreateGauge(
        "controlplane_budget_spend", "Spend in the budget's current period, in its currency.", new GaugeConfiguration { LabelNames = ["budget"] });

    public static readonly Gauge BudgetLimit = Metrics.CreateGauge(
        "controlplane_budget_limit", "The budget's limit per period, in its currency.", new GaugeConfiguration { LabelNames = ["budget"] });

    public static readonly Gauge BudgetForecast = Metrics.CreateGauge(
        "controlplane_budget_forecast", "Forecast spend at the end of the budget's period, in its currency.", new GaugeConfiguration { LabelNames = ["budget"] });

    public static readonly Gauge ModelReplicas = Metrics.CreateGauge(
        "controlplane_model_replicas", "Replicas the plane last decided for each model.", new GaugeConfiguration { LabelNames = ["model"] });

    public static readonly Gauge GpuReserved = Metrics.CreateGauge(
        "controlplane_gpu_reserved", "GPUs reserved by models in each cluster's pool (pool = GPU type).", new GaugeConfiguration { LabelNames = ["cluster", "pool"] });

    public static readonly Counter PrometheusPolls = Metrics.CreateCounter(
        "controlplane_prometheus_polls_total", "Queries of Prometheus for GPU utilization, by outcome (succeeded, failed, timeout).",
        new CounterConfiguration { LabelNames = ["outcome"] });

    public static readonly Counter WebhookDeliveries = Metrics.CreateCounter(
        "controlplane_finops_webhook_deliveries_total", "FinOps webhook attempts, by outcome (delivered, retried, failed, dropped).",
        new CounterConfiguration { LabelNames = ["outcome"] });

    public static readonly Counter CommitFailures = Metrics.CreateCounter(
        "controlplane_git_commit_failures_total", "Commits that failed and will be retried.");

    /// <summary>Sets the GPUs reserved in each pool of <paramref name="cluster"/>, a released pool to 0.</summary>
    public static void ObserveReservations(string cluster, ClusterSpec? spec, IReadOnlyList<GpuReservation> reservations)
    {
        foreach (var pool in spec?.Pools ?? [])
            GpuReserved.WithLabels(cluster, pool.GpuType).Set(reservations.Where(r => r.GpuType == pool.GpuType).Sum(r => r.Gpus));
    }
}
