namespace ControlPlane.Core.Signals;

/// <summary>One series of a Prometheus instant vector: its labels, and the value at the evaluation time.</summary>
public sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, DateTimeOffset Timestamp, double Value)
{
    /// <summary>The labels as Prometheus prints them, for log lines and reasons.</summary>
    public string Describe() => "{" + string.Join(", ", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
}
