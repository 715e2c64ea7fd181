using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using ControlPlane.Benchmarks.Ingest;
using ControlPlane.Core.Budgets;
using ControlPlane.Core.Clusters;
using ControlPlane.Core.Models;
using ControlPlane.Grains;

namespace ControlPlane.Benchmarks;

/// <summary>
/// Sustained signal ingest: one GPU sample per POST /api/v1/signals/gpu, for a random one of many registered models,
/// at rising rates until p99 reaches 50 ms. Baseline at each rate: GET /healthz, the gateway's floor. Then the memory
/// one more model grain activation costs. One silo is the embedded plane in this process; more are silo processes in
/// redis cluster mode (<see cref="ClusterPlane"/>) with the load split evenly over their gateways.
/// </summary>
public static class IngestDriver
{
    private const double P99Target = 50;
    private const string Cluster = "bench";
    private const string Budget = "bench";

    public static async Task<int> RunAsync(IngestOptions options)
    {
        Console.WriteLine($"ingest: {options.Models} models, silos {string.Join(',', options.SilosOrDefault)}, {options.Duration} s per rate, rates {string.Join(',', options.RatesOrDefault)}/s, {options.Runs} runs, {options.Grains} grains for the memory probe (1 silo only)");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var outcomes = new List<(int Silos, Outcome Outcome)>();
        foreach (var silos in options.SilosOrDefault)
            outcomes.Add((silos, silos == 1 ? await RunEmbedded(options) : await RunCluster(options, silos)));
        foreach (var (silos, outcome) in outcomes)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{silos} silo{(silos > 1 ? "s" : "")}: highest rate with p99 < {P99Target} ms: {string.Join(", ", outcome.Runs.Select(r => $"{r.Rate}/s"))}; median {outcome.MedianRate:0}/s; at the median run's rate: ingest {outcome.MedianRun.Ingest?.ToString() ?? "-"}; baseline /healthz {outcome.MedianRun.Floor?.ToString() ?? "-"}"));
        if (outcomes.Count > 1 && outcomes[0].Outcome.MedianRate > 0)
            foreach (var (silos, outcome) in outcomes.Skip(1))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ratio {silos} silos / {outcomes[0].Silos} silo: {outcome.MedianRate / outcomes[0].Outcome.MedianRate:0.00}"));
        return 0;
    }

    /// <summary>One silo: the embedded plane in this process, as `dotnet run` starts it; models registered straight through its grains; then the memory probe.</summary>
    private static async Task<Outcome> RunEmbedded(IngestOptions options)
    {
        Console.WriteLine("1 silo: embedded, in this process");
        var perGrain = new List<GrainMemoryProbe.Result>();
        // One plane for every run: registering 10,000 models commits 10,000 times and takes minutes on this machine.
        await using var plane = await EmbeddedPlane.StartAsync();
        using var http = plane.CreateClient();
        var models = await Register(plane.Grains, options.Models);
        var outcome = await Measure([http], models, options, "1 silo", async run =>
        {
            if (options.Grains <= 0) return;
            var memory = await GrainMemoryProbe.Measure(plane.Grains, options.Grains, $"probe{run}");
            perGrain.Add(memory);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {memory.Grains} unregistered model grains: working set +{memory.WorkingSetBytes / 1048576.0:0.0} MiB ({memory.WorkingSetPerGrain:0} B/grain), managed heap +{memory.ManagedBytes / 1048576.0:0.0} MiB ({memory.ManagedPerGrain:0} B/grain)"));
        });
        if (perGrain.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median per model grain: working set {Median(perGrain.Select(p => p.WorkingSetPerGrain)):0} B, managed heap {Median(perGrain.Select(p => p.ManagedPerGrain)):0} B"));
        return outcome;
    }

    /// <summary>
    /// Several silos: redis-server, a bare Git remote and one process per silo in redis mode; models registered through the
    /// gateways' REST API, round-robin; the load split evenly over the gateways. No memory probe: the grains live in other processes.
    /// </summary>
    private static async Task<Outcome> RunCluster(IngestOptions options, int silos)
    {
        Console.WriteLine($"{silos} silos: redis cluster mode, one process each, load generator in this process");
        var started = Stopwatch.GetTimestamp();
        await using var plane = await ClusterPlane.StartAsync(silos);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{silos} silos ready in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        var models = await Register(plane.Gateways, options.Models);
        return await Measure(plane.Gateways, models, options, $"{silos} silos", _ => Task.CompletedTask);
    }

    /// <summary>The warm-up, then one ladder per run; request i goes to gateway i mod N, so the load is split evenly.</summary>
    private static async Task<Outcome> Measure(IReadOnlyList<HttpClient> gateways, List<string> models, IngestOptions options, string label, Func<int, Task> afterRun)
    {
        var warmUp = new Random(0);
        await OpenLoopLoad.Run(options.RatesOrDefault[0], TimeSpan.FromSeconds(5), i => PostSample(gateways[i % gateways.Count], models[warmUp.Next(models.Count)])); // JIT, connections
        var runs = new List<RunResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            runs.Add(await Ladder(gateways, models, options, run, label));
            await afterRun(run);
        }
        return new Outcome(runs);
    }

    /// <summary>The highest rate of a ladder with p99 under the target, and the ingest and baseline summaries at that rate.</summary>
    private sealed record RunResult(int Rate, LatencySummary? Ingest, LatencySummary? Floor);

    private sealed record Outcome(List<RunResult> Runs)
    {
        public double MedianRate => IngestDriver.Median(Runs.Select(r => (double)r.Rate));

        /// <summary>The run whose rate is the median (the lower middle one for an even count).</summary>
        public RunResult MedianRun => Runs.OrderBy(r => r.Rate).ElementAt((Runs.Count - 1) / 2);
    }

    /// <summary>Registers the models straight through the grains (each still commits its manifests), 8 at a time: 32 in flight ran past the 30 s call timeout on two loaded cores.</summary>
    private static async Task<List<string>> Register(IGrainFactory grains, int count)
    {
        var started = Stopwatch.GetTimestamp();
        await grains.GetGrain<IClusterGrain>(Cluster).Put(new ClusterSpec([new GpuPool("nvidia-a100", count * 4, 3.2, 1.1)]));
        await grains.GetGrain<IBudgetGrain>(Budget).Put(new BudgetSpec(1e12));
        var models = Enumerable.Range(0, count).Select(i => $"bench/m{i:00000}").ToList();
        await Parallel.ForEachAsync(models, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (model, _) =>
        {
            var result = await grains.GetGrain<IModelGrain>(model).Register(Spec());
            if (result.Error is { } error) throw new InvalidOperationException($"registering {model}: {error}");
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registered {count} models in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        return models;
    }

    /// <summary>Registers the models through the gateways' REST API, round-robin, 8 at a time as the embedded registration.</summary>
    private static async Task<List<string>> Register(IReadOnlyList<HttpClient> gateways, int count)
    {
        var started = Stopwatch.GetTimestamp();
        await Put(gateways[0], $"/api/v1/clusters/{Cluster}", new ClusterSpec([new GpuPool("nvidia-a100", count * 4, 3.2, 1.1)]));
        await Put(gateways[0], $"/api/v1/budgets/{Budget}", new BudgetSpec(1e12));
        var models = Enumerable.Range(0, count).Select(i => $"bench/m{i:00000}").ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await Put(gateways[i % gateways.Count], $"/api/v1/models/{models[i]}", Spec()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registered {count} models through {gateways.Count} gateways in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        return models;
    }

    private static async Task Put<T>(HttpClient http, string path, T body)
    {
        using var response = await http.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT {path} via {http.BaseAddress}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static ModelSpec Spec() => new("bench/model:1.0.0", "1.0.0", Cluster, Budget, "nvidia-a100", 1, new ReplicaBounds(1, 2), 70,
        new Dictionary<string, string> { [ModelSpec.AlignmentReportAnnotation] = "AR-BENCH" });

    private static async Task<RunResult> Ladder(IReadOnlyList<HttpClient> gateways, List<string> models, IngestOptions options, int run, string label)
    {
        var duration = TimeSpan.FromSeconds(options.Duration);
        var floorDuration = TimeSpan.FromSeconds(Math.Max(2, options.Duration / 4.0));
        var best = new RunResult(0, null, null);
        foreach (var rate in options.RatesOrDefault)
        {
            var random = new Random(rate);
            var ingest = await OpenLoopLoad.Run(rate, duration, i => PostSample(gateways[i % gateways.Count], models[random.Next(models.Count)]));
            var floor = await OpenLoopLoad.Run(rate, floorDuration, i => Healthz(gateways[i % gateways.Count]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} run {run} rate {rate}/s: ingest {ingest}; baseline /healthz {floor}"));
            if (ingest.P99 >= P99Target) break;
            best = new RunResult(rate, ingest, floor);
        }
        return best;
    }

    private static async Task PostSample(HttpClient http, string model)
    {
        // On target: accepted and streamed to the grain, decides nothing, so the rate measures ingest, not commits.
        var body = string.Create(CultureInfo.InvariantCulture, $"[{{\"model\":\"{model}\",\"timestamp\":\"{DateTimeOffset.UtcNow:O}\",\"gpuUtilization\":70}}]");
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/api/v1/signals/gpu", content);
        response.EnsureSuccessStatusCode();
    }

    private static async Task Healthz(HttpClient http)
    {
        using var response = await http.GetAsync("/healthz");
        response.EnsureSuccessStatusCode();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
