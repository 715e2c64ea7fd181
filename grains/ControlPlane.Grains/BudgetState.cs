namespace ControlPlane.Grains;

/// <summary>What a budget grain persists.</summary>
[GenerateSerializer]
public sealed record BudgetState
{
    [Id(0)] public BudgetSpec? Spec { get; init; }
    [Id(1)] public DateTimeOffset PeriodStart { get; init; }
    [Id(2)] public double Spend { get; init; }
    [Id(3)] public Dictionary<string, double> SpendByModel { get; init; } = [];
    [Id(4)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What each model costs per hour now; the basis of the spend projection.</summary>
    [Id(5)] public Dictionary<string, double> RateByModel { get; init; } = [];

    /// <summary>Spend per UTC hour across periods (eight weeks): the basis of the forecast and the anomalies.</summary>
    [Id(6)] public HourlySpendLedger Ledger { get; init; } = HourlySpendLedger.Empty;

    /// <summary>Events already reported (thresholds per period, forecast per period, anomalous hours), kept 40 days.</summary>
    [Id(7)] public IReadOnlyList<ReportedEvent> Reported { get; init; } = [];

    /// <summary>Anomalies found in the last week, oldest first.</summary>
    [Id(8)] public IReadOnlyList<Anomaly> Anomalies { get; init; } = [];
}
