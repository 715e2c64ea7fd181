using System.Globalization;

namespace ControlPlane.Benchmarks;

/// <summary>An ingest run: registered models, silos, seconds per rate step, the rates tried, repeated runs, grains for the memory probe.</summary>
public sealed record IngestOptions(int Models = 10_000, int Silos = 1, int Duration = 20, IReadOnlyList<int>? Rates = null, int Runs = 3, int Grains = 100_000)
{
    public const string Usage = "ingest [--models 10000] [--silos 1|2] [--duration 20] [--rates 500,1000,2000,4000] [--runs 3] [--grains 100000]";

    public IReadOnlyList<int> RatesOrDefault => Rates ?? [250, 500, 1000, 1500, 2000, 3000, 4000, 6000, 8000];

    public static IngestOptions Parse(string[] args)
    {
        var options = new IngestOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--rates" => options with { Rates = args[i + 1].Split(',').Select(r => Positive(args[i], r)).Order().ToList() },
                "--models" => options with { Models = Positive(args[i], args[i + 1]) },
                "--silos" => options with { Silos = Positive(args[i], args[i + 1]) },
                "--duration" => options with { Duration = Positive(args[i], args[i + 1]) },
                "--runs" => options with { Runs = Positive(args[i], args[i + 1]) },
                "--grains" => options with { Grains = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    private static int Positive(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} needs positive whole numbers, not '{text}'.");
}
