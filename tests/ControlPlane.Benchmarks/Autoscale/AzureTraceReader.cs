using System.Globalization;

namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// Azure LLM inference 2023 (one row per request): demand is tokens per second (context + generated) per
/// 60 s step from the first request; a last step the trace ends inside is dropped because it is not complete.
/// Per-replica capacity is an assumed throughput of <see cref="TokensPerSecondPerReplica"/>; the trace has no
/// hardware data to derive it from.
/// </summary>
public static class AzureTraceReader
{
    public const double StepSeconds = 60;
    public const double TokensPerSecondPerReplica = 1_000;
    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>The trace names this reader knows, with their file names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["azure-llm-2023-conv"] = "azure-llm-2023-conv.csv",
        ["azure-llm-2023-code"] = "azure-llm-2023-code.csv",
    };

    public static DemandTrace Read(string directory, string name, int? maxRows = null)
    {
        if (!Files.TryGetValue(name, out var file)) throw new ArgumentException($"unknown Azure trace {name}", nameof(name));
        var tokensPerStep = new List<double>();
        DateTime? start = null;
        var end = DateTime.MinValue;
        using var reader = new StreamReader(Path.Combine(directory, file));
        foreach (var row in CsvLines.Rows(reader, maxRows))
        {
            // TIMESTAMP,ContextTokens,GeneratedTokens
            var at = DateTime.ParseExact(row[0], TimestampFormat, CultureInfo.InvariantCulture);
            start ??= at;
            end = at;
            var step = (int)((at - start.Value).TotalSeconds / StepSeconds);
            while (tokensPerStep.Count <= step) tokensPerStep.Add(0);
            tokensPerStep[step] += long.Parse(row[1], CultureInfo.InvariantCulture) + long.Parse(row[2], CultureInfo.InvariantCulture);
        }
        if (start is null) throw new InvalidDataException($"{file} holds no requests");
        var complete = (int)((end - start.Value).TotalSeconds / StepSeconds);
        var demand = tokensPerStep.Take(Math.Max(1, complete)).Select(t => t / StepSeconds).ToList();
        return new DemandTrace(name, StepSeconds, demand, TokensPerSecondPerReplica, "tokens/s",
            string.Create(CultureInfo.InvariantCulture, $"assumed {TokensPerSecondPerReplica:0} tokens/s (context + generated) per replica"));
    }
}
