using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace ControlPlane.Benchmarks;

/// <summary>
/// End-to-end decision latency: from sending the HTTP request whose GPU sample crosses the scaling
/// threshold to seeing the commit that carries the decision (the model's last commit changes and the
/// new replica count is Stable). Baseline, in the same run: posting a sample that decides nothing.
/// </summary>
public static class DecisionLatencyDriver
{
    private const string Cluster = "bench";
    private static readonly TimeSpan MetricWindow = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(DecisionLatencyOptions options)
    {
        Console.WriteLine($"decision latency: {options.Models} models, {options.Decisions} decisions per run, {options.Concurrency} in flight, {options.Runs} runs, polling every {options.PollMilliseconds} ms");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var runs = new List<(LatencySummary Decision, LatencySummary Baseline)>();
        for (var run = 1; run <= options.Runs; run++)
        {
            await using var plane = await EmbeddedPlane.StartAsync();
            using var http = plane.CreateClient();
            var models = await SetUp(http, options.Models);
            var baseline = await Baseline(http, models, options.Decisions);
            await Task.Delay(MetricWindow * 1.5); // let the baseline's samples leave every model's window
            var before = await CommitTotals(http);
            var decisions = await Decisions(http, models, options);
            var after = await CommitTotals(http);
            runs.Add((decisions, baseline));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: decision {decisions}; baseline (sample without decision) {baseline}; commits averaged {(after.Seconds - before.Seconds) / (after.Count - before.Count) * 1000:0.00} ms, {(after.Count - before.Count) / (after.Passes - before.Passes):0.0} per writer pass"));
        }
        var p50 = Median(runs.Select(r => r.Decision.P50));
        var p99 = Median(runs.Select(r => r.Decision.P99));
        var baseP50 = Median(runs.Select(r => r.Baseline.P50));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {options.Runs} runs: decision p50 {p50:0.00} ms, p99 {p99:0.00} ms; baseline p50 {baseP50:0.00} ms; p50 ratio decision/baseline {p50 / baseP50:0.0}×"));
        return 0;
    }

    private static async Task<List<string>> SetUp(HttpClient http, int count)
    {
        await Put(http, $"/api/v1/clusters/{Cluster}", new { pools = new[] { new { gpuType = "nvidia-a100", capacity = count * 4, onDemandPricePerGpuHour = 3.2 } } });
        await Put(http, "/api/v1/budgets/bench", new { limit = 1e9, period = "monthly" });
        var models = Enumerable.Range(0, count).Select(i => $"bench/m{i:000}").ToList();
        foreach (var model in models)
            await Put(http, $"/api/v1/models/{model}", new
            {
                image = "registry.example.com/bench/model:1.0.0", version = "1.0.0", cluster = Cluster, budget = "bench",
                gpuType = "nvidia-a100", gpusPerReplica = 1, replicas = new { min = 1, max = 2 }, targetGpuUtilization = 70,
                annotations = new Dictionary<string, string> { ["ai-alignment-report-id"] = "AR-BENCH" },
                scaleDownStabilizationSeconds = 0, metricWindowSeconds = (int)MetricWindow.TotalSeconds,
            });
        return models;
    }

    private static async Task<LatencySummary> Baseline(HttpClient http, List<string> models, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await PostSample(http, models[i % models.Count], 70); // on target: accepted, decides nothing
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return LatencySummary.Of(latencies);
    }

    private static async Task<LatencySummary> Decisions(HttpClient http, List<string> models, DecisionLatencyOptions options)
    {
        var latencies = new List<double>(options.Decisions);
        var replicas = models.ToDictionary(m => m, _ => 1);
        var lastSample = models.ToDictionary(m => m, _ => DateTime.MinValue);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Decisions), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (_, ct) =>
        {
            var model = models[Interlocked.Increment(ref next) % models.Count];
            // Each decision needs the model's previous sample to have left its one-second window.
            var wait = lastSample[model] + MetricWindow * 1.1 - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            var before = await Model(http, model);
            var target = replicas[model] == 1 ? 2 : 1;
            var begin = Stopwatch.GetTimestamp();
            await PostSample(http, model, target == 2 ? 100 : 10);
            while (true)
            {
                var now = await Model(http, model);
                if (now.Replicas == target && now.Phase == "Stable" && now.LastCommitSha != before.LastCommitSha) break;
                await Task.Delay(TimeSpan.FromMilliseconds(options.PollMilliseconds), ct); // a busy poll would steal the plane's CPU
            }
            var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            lock (latencies) latencies.Add(elapsed);
            replicas[model] = target;
            lastSample[model] = DateTime.UtcNow;
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return LatencySummary.Of(latencies) with { PerSecond = options.Decisions / seconds };
    }

    /// <summary>The plane's own count and total of commit time, from /metrics (process-wide: callers take differences).</summary>
    private static async Task<(double Count, double Seconds, double Passes)> CommitTotals(HttpClient http)
    {
        var metrics = await http.GetStringAsync("/metrics");
        double Value(string name) => double.Parse(metrics.Split('\n').First(l => l.StartsWith(name + " ", StringComparison.Ordinal)).Split(' ')[1], CultureInfo.InvariantCulture);
        return (Value("controlplane_git_commit_duration_seconds_count"), Value("controlplane_git_commit_duration_seconds_sum"),
            Value("controlplane_git_commit_batch_size_count"));
    }

    private static async Task PostSample(HttpClient http, string model, double utilization)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/signals/gpu",
            new[] { new { model, timestamp = DateTimeOffset.UtcNow, gpuUtilization = utilization } });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<ModelState> Model(HttpClient http, string model) =>
        (await http.GetFromJsonAsync<ModelState>($"/api/v1/models/{model}", JsonSerializerOptions.Web))!;

    private static async Task Put(HttpClient http, string path, object body)
    {
        using var response = await http.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed record ModelState(int Replicas, string Phase, string? LastCommitSha);
}

/// <summary>Percentiles of one run, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P99, double Max, double PerSecond = 0)
{
    public static LatencySummary Of(List<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, At(0.5), At(0.99), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={P50:0.00}ms p99={P99:0.00}ms max={Max:0.00}ms{(PerSecond > 0 ? $" ({PerSecond:0.0}/s)" : "")}");
}
