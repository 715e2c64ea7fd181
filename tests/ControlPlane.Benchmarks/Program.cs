using BenchmarkDotNet.Running;
using ControlPlane.Benchmarks;
using ControlPlane.Benchmarks.Autoscale;

// dotnet run -c Release --project tests/ControlPlane.Benchmarks -- latency [--models 100] [--decisions 1000] [--concurrency 1] [--runs 3] [--poll-ms 1]
// dotnet run -c Release --project tests/ControlPlane.Benchmarks -- ingest [--models 10000] [--silos 1|2|1,2] [--compare] [--duration 20] [--rates 500,1000,2000] [--runs 3] [--grains 100000]
// dotnet run -c Release --project tests/ControlPlane.Benchmarks -- analysis [BenchmarkDotNet options, e.g. --job short]
// dotnet run -c Release --project tests/ControlPlane.Benchmarks -- policy-gate [BenchmarkDotNet options]
// dotnet run -c Release --project tests/ControlPlane.Benchmarks -- repo-growth [--sizes 100,1000,10000] [--commits 200] [--runs 3]
// dotnet run -c Release --project tests/ControlPlane.Benchmarks -- autoscale --trace azure-llm-2023-code [--traces ../shared/data/traces] [--rows N] [--price 3.0]
// dotnet run -c Release --project tests/ControlPlane.Benchmarks -- autoscale-sensitivity [--traces ../shared/data/traces]
return args.FirstOrDefault() switch
{
    "latency" => await DecisionLatencyDriver.RunAsync(DecisionLatencyOptions.Parse(args[1..])),
    "ingest" => await IngestDriver.RunAsync(IngestOptions.Parse(args[1..])),
    "analysis" => Run(() => BenchmarkRunner.Run<AnalysisBenchmarks>(args: args[1..])),
    "policy-gate" => Run(() => BenchmarkRunner.Run<PolicyGateBenchmarks>(args: args[1..])),
    "repo-growth" => RepositoryGrowthDriver.Run(RepositoryGrowthOptions.Parse(args[1..])),
    "autoscale" => AutoscaleDriver.Run(AutoscaleOptions.Parse(args[1..])),
    "autoscale-sensitivity" => AutoscaleSensitivity.Run(args[1..]),
    _ => Usage(),
};

static int Run(Action benchmark)
{
    benchmark();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: ControlPlane.Benchmarks latency [--models N] [--decisions N] [--concurrency N] [--runs N] [--poll-ms N]");
    Console.Error.WriteLine($"       ControlPlane.Benchmarks {IngestOptions.Usage}");
    Console.Error.WriteLine("       ControlPlane.Benchmarks analysis [BenchmarkDotNet options]");
    Console.Error.WriteLine("       ControlPlane.Benchmarks policy-gate [BenchmarkDotNet options]");
    Console.Error.WriteLine("       ControlPlane.Benchmarks repo-growth [--sizes 100,1000,10000] [--commits 200] [--git-commits 50] [--runs 3]");
    Console.Error.WriteLine($"       ControlPlane.Benchmarks {AutoscaleOptions.Usage}");
    Console.Error.WriteLine($"       ControlPlane.Benchmarks {AutoscaleSensitivity.Usage}");
    return 2;
}
