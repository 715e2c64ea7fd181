namespace ControlPlane.Benchmarks;

/// <summary>How big a latency run is: models, decisions per run, requests in flight, repeated runs.</summary>
public sealed record DecisionLatencyOptions(int Models = 100, int Decisions = 1000, int Concurrency = 1, int Runs = 3, int PollMilliseconds = 1)
{
    public static DecisionLatencyOptions Parse(string[] args)
    {
        var options = new DecisionLatencyOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!int.TryParse(args[i + 1], out var value) || value < 1)
                throw new ArgumentException($"{args[i]} needs a positive whole number, not '{args[i + 1]}'.");
            options = args[i] switch
            {
                "--models" => options with { Models = value },
                "--decisions" => options with { Decisions = value },
                "--concurrency" => options with { Concurrency = value },
                "--runs" => options with { Runs = value },
                "--poll-ms" => options with { PollMilliseconds = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }
}
