namespace ControlPlane.Core.FinOps;

/// <summary>
/// Something about a budget worth telling people once: a threshold crossed, the forecast over the limit, an anomalous
/// hour. <see cref="Key"/> names the occurrence (period and threshold, or hour) so it is reported exactly once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BudgetEvent(
    [Id(0)] string Key,
    [Id(1)] string Kind,
    [Id(2)] string Budget,
    [Id(3)] DateTimeOffset At,
    [Id(4)] string Summary,
    [Id(5)] string Reason,
    [Id(6)] IReadOnlyDictionary<string, string> Details);
