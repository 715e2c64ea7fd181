namespace ControlPlane.Benchmarks.Autoscale;

/// <summary>
/// Running one-step forecast accuracy: MAPE over steps with non-zero demand (zero-demand steps have no
/// percentage error), RMSE over all, and the same for a naive last-value forecast as the yardstick.
/// </summary>
public sealed record ForecastScore(int Count, int NonZero, double AbsolutePercentSum, double SquaredSum, double NaiveAbsolutePercentSum, double NaiveSquaredSum)
{
    public static readonly ForecastScore Empty = new(0, 0, 0, 0, 0, 0);

    public double Mape => NonZero == 0 ? double.NaN : AbsolutePercentSum / NonZero;

    public double NaiveMape => NonZero == 0 ? double.NaN : NaiveAbsolutePercentSum / NonZero;

    public double Rmse => Count == 0 ? double.NaN : Math.Sqrt(SquaredSum / Count);

    public double NaiveRmse => Count == 0 ? double.NaN : Math.Sqrt(NaiveSquaredSum / Count);

    public ForecastScore Add(double actual, double forecast, double previous)
    {
        var nonZero = actual > 0;
        return new ForecastScore(
            Count + 1,
            NonZero + (nonZero ? 1 : 0),
            AbsolutePercentSum + (nonZero ? Math.Abs(actual - forecast) / actual : 0),
            SquaredSum + (actual - forecast) * (actual - forecast),
            NaiveAbsolutePercentSum + (nonZero ? Math.Abs(actual - previous) / actual : 0),
            NaiveSquaredSum + (actual - previous) * (actual - previous));
    }
}
