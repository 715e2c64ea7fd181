using System.Diagnostics;
using System.Globalization;
using ControlPlane.Core.GitOps;
using ControlPlane.GitOps;

namespace ControlPlane.Benchmarks;

/// <summary>
/// Commit cost as the repository grows: one scale decision through <see cref="GitOpsRepository.Apply"/>
/// (render + policy check + commit) in repositories of increasing size. Baseline, in the same run and
/// repository: the git CLI committing the same kind of change from a work tree (write the file, add, commit).
/// </summary>
public static class RepositoryGrowthDriver
{
    private const int Warmup = 10;
    private const int Stride = 7919; // a prime: successive commits touch models spread over every namespace

    public static int Run(RepositoryGrowthOptions options)
    {
        Console.WriteLine($"repository growth: sizes {string.Join(", ", options.Sizes)} model folders in one cluster, {options.Commits} writer commits and {options.GitCommits} git CLI commits per size, {options.Runs} runs");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var runs = options.Sizes.ToDictionary(s => s, _ => new List<(LatencySummary Writer, LatencySummary Git)>());
        for (var run = 1; run <= options.Runs; run++)
        {
            foreach (var size in options.Sizes)
            {
                var setUp = Stopwatch.GetTimestamp();
                using var grown = GrownRepository.Create(size);
                var worktree = Path.Combine(grown.Root, "worktree");
                GitProcess.Run(grown.BarePath, "worktree", "add", "--quiet", "-b", "git-cli", worktree, GrownRepository.Branch);
                var setUpSeconds = Stopwatch.GetElapsedTime(setUp).TotalSeconds;
                var writer = TimeWriter(grown, options.Commits);
                var git = TimeGitCli(grown, worktree, options.GitCommits);
                runs[size].Add((writer, git));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}, {size} models (set up in {setUpSeconds:0.0} s): writer {writer}; git CLI {git}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"median of {options.Runs} runs, ms per commit:");
        Console.WriteLine("| model folders | writer p50 | writer p99 | git CLI p50 | git CLI p99 | writer/git p50 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (size, results) in runs)
        {
            var (p50, p99) = (Median(results.Select(r => r.Writer.P50)), Median(results.Select(r => r.Writer.P99)));
            var (gitP50, gitP99) = (Median(results.Select(r => r.Git.P50)), Median(results.Select(r => r.Git.P99)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {p50:0.00} | {p99:0.00} | {gitP50:0.00} | {gitP99:0.00} | {p50 / gitP50:0.00} |"));
        }
        var (smallest, largest) = (options.Sizes.Min(), options.Sizes.Max());
        double WriterP50(int size) => Median(runs[size].Select(r => r.Writer.P50));
        double GitP50(int size) => Median(runs[size].Select(r => r.Git.P50));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 ratio {largest:N0} vs {smallest:N0} models: writer {WriterP50(largest) / WriterP50(smallest):0.00}×, git CLI {GitP50(largest) / GitP50(smallest):0.00}×"));
        return 0;
    }

    private static LatencySummary TimeWriter(GrownRepository grown, int commits)
    {
        using var writer = GitOpsRepository.OpenOrCreate(grown.BarePath, GrownRepository.Branch, GitAuthor.Default, TimeProvider.System);
        var replicas = Enumerable.Repeat(1, grown.Size).ToArray(); // as the repository was grown
        var latencies = new List<double>(commits);
        for (var i = 0; i < Warmup + commits; i++)
        {
            var index = ModelAt(i, grown.Size);
            replicas[index] = replicas[index] % 8 + 1;
            var desired = GrownRepository.Model(index, replicas[index]);
            var change = new DesiredStateChange($"growth-{i}", "scale", $"Scale {desired.Model} to {desired.Replicas} replicas", "benchmark", desired);
            var started = Stopwatch.GetTimestamp();
            var outcome = writer.Apply(change);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!outcome.Committed) throw new InvalidOperationException($"decision {change.DecisionId} was not committed: {outcome.Note}");
            if (i >= Warmup) latencies.Add(elapsed);
        }
        return LatencySummary.Of(latencies);
    }

    // The file is rendered before the clock starts: the baseline is git's own cost of committing a change.
    private static LatencySummary TimeGitCli(GrownRepository grown, string worktree, int commits)
    {
        var replicas = Enumerable.Repeat(1, grown.Size).ToArray(); // as the repository was grown
        var latencies = new List<double>(commits);
        for (var i = 0; i < Warmup + commits; i++)
        {
            var index = ModelAt(i, grown.Size);
            replicas[index] = replicas[index] % 8 + 1;
            var desired = GrownRepository.Model(index, replicas[index]);
            var path = $"{RepositoryLayout.ModelFolder(GrownRepository.Cluster, desired.Model)}/{RepositoryLayout.DeploymentFile}";
            var content = ManifestRenderer.RenderModel(desired)[path];
            var started = Stopwatch.GetTimestamp();
            File.WriteAllText(Path.Combine(worktree, path), content);
            GitProcess.Run(worktree, "add", "--", path);
            GitProcess.Run(worktree, "commit", "-q", "-m", $"Scale {desired.Model} to {desired.Replicas} replicas");
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= Warmup) latencies.Add(elapsed);
        }
        return LatencySummary.Of(latencies);
    }

    private static int ModelAt(int i, int size) => (int)((long)i * Stride % size);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
