namespace ControlPlane.Core.FinOps;

/// <summary>An hour whose value lies far from what its history predicts, in robust standard deviations.</summary>
[GenerateSerializer, Immutable]
public sealed record Anomaly(
    [Id(0)] string Metric,
    [Id(1)] DateTimeOffset At,
    [Id(2)] double Value,
    [Id(3)] double Expected,
    [Id(4)] double Score,
    [Id(5)] string Direction,
    [Id(6)] string Explanation);

/// <summary>Which way an anomaly departs from the expected value; the value of <see cref="Anomaly.Direction"/>.</summary>
public static class AnomalyDirection
{
    public const string Up = "up";
    public const string Down = "down";
}
