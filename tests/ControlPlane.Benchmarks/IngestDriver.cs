using System.Diagnostics;
using System.Globalization;
using System.Text;
using ControlPlane.Core.Budgets;
using ControlPlane.Core.Clusters;
using ControlPlane.Core.Models;
using ControlPlane.Grains;

namespace ControlPlane.Benchmarks;

/// <summary>
/// Sustained signal ingest: one GPU sample per POST /api/v1/signals/gpu, for a random one of many registered models,
/// at rising rates until p99 reaches 50 ms. Baseline at each rate: GET /healthz, the gateway's floor. Then the memory
/// one more model grain activation costs.
/// </summary>
public static class IngestDriver
{
    private const double P99Target = 50;
    private const string Cluster = "bench";
    private const string Budget = "bench";

    public static async Task<int> RunAsync(IngestOptions options)
    {
        if (options.Silos > 1)
        {
            // The hook for the second silo: start two planes in ControlPlane:Cluster:Mode=redis and spread the load over both gateways.
            Console.Error.WriteLine("ingest --silos 2 needs the Redis cluster mode (ControlPlane:Cluster:Mode=redis), which this build does not have yet.");
            return 2;
        }
        Console.WriteLine($"ingest: {options.Models} models, {options.Silos} silo, {options.Duration} s per rate, rates {string.Join(',', options.RatesOrDefault)}/s, {options.Runs} runs, {options.Grains} grains for the memory probe");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var best = new List<int>();
        var perGrain = new List<GrainMemoryProbe.Result>();
        // One plane for every run: registering 10,000 models commits 10,000 times and takes minutes on this machine.
        await using var plane = await EmbeddedPlane.StartAsync();
        using var http = plane.CreateClient();
        var models = await Register(plane.Grains, options.Models);
        var warmUp = new Random(0);
        await OpenLoopLoad.Run(options.RatesOrDefault[0], TimeSpan.FromSeconds(5), _ => PostSample(http, models[warmUp.Next(models.Count)])); // JIT, connections
        for (var run = 1; run <= options.Runs; run++)
        {
            best.Add(await Ladder(http, models, options, run));
            if (options.Grains > 0)
            {
                var memory = await GrainMemoryProbe.Measure(plane.Grains, options.Grains, $"probe{run}");
                perGrain.Add(memory);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: {memory.Grains} unregistered model grains: working set +{memory.WorkingSetBytes / 1048576.0:0.0} MiB ({memory.WorkingSetPerGrain:0} B/grain), managed heap +{memory.ManagedBytes / 1048576.0:0.0} MiB ({memory.ManagedPerGrain:0} B/grain)"));
            }
        }
        Console.WriteLine($"runs: highest rate with p99 < {P99Target} ms: {string.Join(", ", best.Select(b => $"{b}/s"))}; median {Median(best.Select(b => (double)b)):0}/s");
        if (perGrain.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median per model grain: working set {Median(perGrain.Select(p => p.WorkingSetPerGrain)):0} B, managed heap {Median(perGrain.Select(p => p.ManagedPerGrain)):0} B"));
        return 0;
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
            var result = await grains.GetGrain<IModelGrain>(model).Register(new ModelSpec("bench/model:1.0.0", "1.0.0",
                Cluster, Budget, "nvidia-a100", 1, new ReplicaBounds(1, 2), 70,
                new Dictionary<string, string> { [ModelSpec.AlignmentReportAnnotation] = "AR-BENCH" }));
            if (result.Error is { } error) throw new InvalidOperationException($"registering {model}: {error}");
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registered {count} models in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        return models;
    }

    private static async Task<int> Ladder(HttpClient http, List<string> models, IngestOptions options, int run)
    {
        var duration = TimeSpan.FromSeconds(options.Duration);
        var floorDuration = TimeSpan.FromSeconds(Math.Max(2, options.Duration / 4.0));
        var best = 0;
        foreach (var rate in options.RatesOrDefault)
        {
            var random = new Random(rate);
            var ingest = await OpenLoopLoad.Run(rate, duration, _ => PostSample(http, models[random.Next(models.Count)]));
            var floor = await OpenLoopLoad.Run(rate, floorDuration, _ => Healthz(http));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run} rate {rate}/s: ingest {ingest}; baseline /healthz {floor}"));
            if (ingest.P99 >= P99Target) break;
            best = rate;
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
