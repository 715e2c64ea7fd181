namespace ControlPlane.Core.FinOps;

/// <summary>
/// Knobs of <see cref="AnomalyDetector"/>. Amounts are in the series' unit: currency per hour for spend,
/// percentage points for utilization.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AnomalyOptions(
    [Id(0)] int LookbackHours = 7 * 24,
    [Id(1)] int SeasonalMinDays = 3,
    [Id(2)] int MinPoints = 12,
    [Id(3)] double ScoreThreshold = 3.5,
    [Id(4)] double MinAbsoluteDeviation = 1.0,
    [Id(5)] double MinMad = 0.01,
    [Id(6)] double MinMadFraction = 0.05)
{
    /// <summary>
    /// A week of hours; 3 days before hour-of-day comparison; 12 points before any score; 3.5, the Iglewicz–Hoaglin cut-off
    /// for modified z-scores; deviations under 1 currency unit never page; a MAD of at least 0.01 and 5% of the expected value.
    /// </summary>
    public static readonly AnomalyOptions Default = new();
}
