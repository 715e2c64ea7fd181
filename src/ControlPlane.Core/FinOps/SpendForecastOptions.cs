namespace ControlPlane.Core.FinOps;

/// <summary>Knobs of <see cref="SpendForecaster"/>; the defaults suit hourly GPU spend.</summary>
[GenerateSerializer, Immutable]
public sealed record SpendForecastOptions(
    [Id(0)] IReadOnlyList<double>? ThresholdPercents = null,
    [Id(1)] int RecentHours = 24,
    [Id(2)] int MinSeasonalDays = 2,
    [Id(3)] int ProfileDays = 28,
    [Id(4)] int BacktestHours = 14 * 24,
    [Id(5)] int MinBacktestPoints = 6)
{
    /// <summary>Alert at half, four fifths and all of the limit, as Kubecost and cloud budgets do by default.</summary>
    public static readonly IReadOnlyList<double> DefaultThresholdPercents = [50, 80, 100];

    public static readonly SpendForecastOptions Default = new();

    public IReadOnlyList<double> Thresholds => ThresholdPercents ?? DefaultThresholdPercents;
}
