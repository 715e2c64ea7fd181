using System.Globalization;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>Which trace to replay, from where, how much of it, and the price per GPU-hour the cost is stated in.</summary>
public sealed record AutoscaleOptions(string Traces, string Trace, int? Rows = null, double PricePerGpuHour = 3.0)
{
    public const string Usage = "autoscale --trace alibaba-genai-2026|azure-llm-2023-conv|azure-llm-2023-code [--traces DIR] [--rows N] [--price 3.0]";

    public static readonly IReadOnlyList<string> TraceNames = [AlibabaTraceReader.Name, .. AzureTraceReader.Files.Keys];

    public static AutoscaleOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new AutoscaleOptions(TraceDirectory.Locate() ?? "", "");
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value; usage: {Usage}");
            var value = args[i + 1];
            options = args[i] switch
            {
                "--traces" => options with { Traces = value },
                "--trace" => options with { Trace = value },
                "--rows" => options with { Rows = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows > 0 ? rows : throw Bad(args[i], value) },
                "--price" => options with { PricePerGpuHour = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) && price > 0 ? price : throw Bad(args[i], value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; usage: {Usage}"),
            };
        }
        if (!TraceNames.Contains(options.Trace)) throw new ArgumentException($"--trace must be one of {string.Join(", ", TraceNames)}; usage: {Usage}");
        if (!Directory.Exists(options.Traces)) throw new ArgumentException($"trace directory '{options.Traces}' not found; pass --traces DIR; usage: {Usage}");
        return options;
    }

    public DemandTrace Load() => Trace == AlibabaTraceReader.Name
        ? AlibabaTraceReader.Read(Traces, Rows)
        : AzureTraceReader.Read(Traces, Trace, Rows);

    private static ArgumentException Bad(string option, string value) => new($"{option} needs a positive number, not '{value}'; usage: {Usage}");
}
