namespace ControlPlane.Core.Forecasting;

/// <summary>
/// Everything the online Holt–Winters fit remembers, small enough for grain state: level, trend, one seasonal
/// term per position in the season, how many observations were seen, and the smoothed one-step error.
/// Until the warm-up is complete <see cref="Seasonal"/> holds the raw observations (see <see cref="HoltWinters"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HoltWintersState(
    [Id(0)] double Level,
    [Id(1)] double Trend,
    [Id(2)] IReadOnlyList<double> Seasonal,
    [Id(3)] long Count,
    [Id(4)] long ResidualCount,
    [Id(5)] double ResidualVariance,
    [Id(6)] double MeanAbsoluteError)
{
    public static readonly HoltWintersState Empty = new(0, 0, [], 0, 0, 0, 0);

    /// <summary>True once the warm-up seasons initialized the components and forecasts come from the model.</summary>
    public bool IsFitted(HoltWintersParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Count >= parameters.WarmUpLength;
    }

    /// <summary>Standard deviation of the one-step-ahead errors seen so far.</summary>
    public double ResidualStandardDeviation => Math.Sqrt(ResidualVariance);
}
