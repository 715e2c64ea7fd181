using System.Globalization;

namespace ControlPlane.Benchmarks;

/// <summary>
/// An ingest run: registered models, the silo counts measured one after the other (1 is the embedded in-process plane,
/// more are silo processes in redis cluster mode), seconds per rate step, the rates tried, repeated runs, grains for the memory probe.
/// </summary>
public sealed record IngestOptions(int Models = 10_000, IReadOnlyList<int>? Silos = null, int Duration = 20, IReadOnlyList<int>? Rates = null, int Runs = 3, int Grains = 100_000)
{
    public const string Usage = "ingest [--models 10000] [--silos 1|2|1,2] [--compare] [--duration 20] [--rates 500,1000,2000,4000] [--runs 3] [--grains 100000]";

    public IReadOnlyList<int> RatesOrDefault => Rates ?? [250, 500, 1000, 1500, 2000, 3000, 4000, 6000, 8000];

    public IReadOnlyList<int> SilosOrDefault => Silos ?? [1];

    public static IngestOptions Parse(string[] args)
    {
        var options = new IngestOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--compare")
            {
                // 1 silo and 2 silos in the same invocation, so their ratio comes from one run on one machine state.
                options = options with { Silos = [1, 2] };
                continue;
            }
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value");
            var value = args[++i];
            options = args[i - 1] switch
            {
                "--rates" => options with { Rates = List(args[i - 1], value) },
                "--models" => options with { Models = Positive(args[i - 1], value) },
                "--silos" => options with { Silos = List(args[i - 1], value) },
                "--duration" => options with { Duration = Positive(args[i - 1], value) },
                "--runs" => options with { Runs = Positive(args[i - 1], value) },
                "--grains" => options with { Grains = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i - 1]}"),
            };
        }
        return options;
    }

    private static List<int> List(string option, string text) => text.Split(',').Select(r => Positive(option, r)).Distinct().Order().ToList();

    private static int Positive(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{option} needs positive whole numbers, not '{text}'.");
}
