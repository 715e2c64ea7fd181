using ControlPlane.Core.Forecasting;

namespace ControlPlane.Core.Tests.Forecasting;

public class HoltWintersTests
{
    private const int WarmUp = 3 * SeasonalSeries.Season;
    private const int Evaluated = 5 * SeasonalSeries.Season;
    private static readonly HoltWintersParameters Seasonal = new(0.3, 0.1, 0.2, 0.98, SeasonalSeries.Season);

    private static HoltWintersState Fit(HoltWintersParameters parameters, IEnumerable<double> series) =>
        series.Aggregate(HoltWintersState.Empty, (state, y) => HoltWinters.Update(state, parameters, y));

    // One-step-ahead forecasts after the warm-up, each made before the observation is folded in.
    private static List<(double Actual, ForecastPoint Forecast, double Previous)> OneStepAhead(double[] series)
    {
        var state = Fit(Seasonal, series.Take(WarmUp));
        var pairs = new List<(double, ForecastPoint, double)>();
        for (var t = WarmUp; t < WarmUp + Evaluated; t++)
        {
            pairs.Add((series[t], HoltWinters.Forecast(state, Seasonal, 1).Points[0], series[t - 1]));
            state = HoltWinters.Update(state, Seasonal, series[t]);
        }
        return pairs;
    }

    [Fact]
    public void Forecast_SeasonalSeriesAfterWarmUp_OneStepMapeBelowTwoPercent()
    {
        var pairs = OneStepAhead(SeasonalSeries.Generate(WarmUp + Evaluated));

        var mape = pairs.Average(p => Math.Abs(p.Actual - p.Forecast.Value) / p.Actual);

        Assert.True(mape < 0.02, $"one-step MAPE {mape:P2}");
    }

    [Fact]
    public void Forecast_SeasonalSeriesAfterWarmUp_RmseLessThanHalfOfNaiveLastValue()
    {
        var pairs = OneStepAhead(SeasonalSeries.Generate(WarmUp + Evaluated));

        var rmse = Math.Sqrt(pairs.Average(p => Math.Pow(p.Actual - p.Forecast.Value, 2)));
        var naive = Math.Sqrt(pairs.Average(p => Math.Pow(p.Actual - p.Previous, 2)));

        Assert.True(rmse < 0.5 * naive, $"RMSE {rmse:0.00} vs naive {naive:0.00}");
    }

    [Fact]
    public void Forecast_HalfSeasonAhead_TracksSeasonWhereNaiveLastValueCannot()
    {
        var series = SeasonalSeries.Generate(WarmUp + Evaluated);
        var state = Fit(Seasonal, series.Take(WarmUp + Evaluated - 12));

        var forecast = HoltWinters.Forecast(state, Seasonal, 12).Points;
        var actual = series.TakeLast(12).ToArray();
        var error = Enumerable.Range(0, 12).Average(h => Math.Abs(actual[h] - forecast[h].Value) / actual[h]);
        var naive = Enumerable.Range(0, 12).Average(h => Math.Abs(actual[h] - series[^13]) / actual[h]);

        Assert.True(error < 0.03 && error < naive / 3, $"12-step MAPE {error:P2} vs naive {naive:P2}");
    }

    [Theory]
    [InlineData(ForecastPoint.Z80, 0.70, 0.90)]
    [InlineData(ForecastPoint.Z95, 0.88, 1.00)]
    public void Forecast_OneStepIntervals_ContainRoughlyNominalShare(double z, double low, double high)
    {
        var pairs = OneStepAhead(SeasonalSeries.Generate(WarmUp + Evaluated, seed: 7));

        var share = pairs.Count(p => p.Forecast.Interval(z) is var (lower, upper) && p.Actual >= lower && p.Actual <= upper) / (double)pairs.Count;

        Assert.InRange(share, low, high);
    }

    [Fact]
    public void Forecast_FurtherAhead_HasWiderInterval()
    {
        var state = Fit(Seasonal, SeasonalSeries.Generate(WarmUp));

        var points = HoltWinters.Forecast(state, Seasonal, 30).Points;

        Assert.All(points.Skip(1).Zip(points), pair => Assert.True(pair.First.StandardError >= pair.Second.StandardError));
        Assert.True(points[^1].Interval95.Upper - points[^1].Interval95.Lower > points[0].Interval95.Upper - points[0].Interval95.Lower);
    }

    [Fact]
    public void Forecast_ConstantSeries_ForecastsTheConstantWithNoError()
    {
        var state = Fit(Seasonal, Enumerable.Repeat(42.0, 100));

        var points = HoltWinters.Forecast(state, Seasonal, 48).Points;

        Assert.All(points, p => Assert.Equal(42.0, p.Value, 9));
        Assert.All(points, p => Assert.Equal(0.0, p.StandardError, 9));
    }

    [Fact]
    public void Forecast_SeasonLengthOne_FollowsLinearTrend()
    {
        var holt = new HoltWintersParameters(0.5, 0.3, 0, 1, 1);
        var state = Fit(holt, Enumerable.Range(0, 60).Select(t => 10.0 + 2 * t));

        var forecast = HoltWinters.Forecast(state, holt, 5);

        Assert.Equal(ForecastBasis.Fitted, forecast.Basis);
        Assert.Equal(10.0 + 2 * 64, forecast.Points[4].Value, 1);
    }

    [Fact]
    public void Forecast_FewerPointsThanASeason_FallsBackToTheirMean()
    {
        var state = Fit(Seasonal, [10.0, 20.0, 30.0]);

        var forecast = HoltWinters.Forecast(state, Seasonal, 3);

        Assert.Equal(ForecastBasis.WarmUpMean, forecast.Basis);
        Assert.All(forecast.Points, p => Assert.Equal(20.0, p.Value, 9));
        Assert.All(forecast.Points, p => Assert.Equal(10.0, p.StandardError, 9));
    }

    [Fact]
    public void Forecast_NoObservations_HasNoPoints()
    {
        var forecast = HoltWinters.Forecast(HoltWintersState.Empty, Seasonal, 3);

        Assert.Equal(ForecastBasis.NoData, forecast.Basis);
        Assert.Empty(forecast.Points);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Update_NonFiniteObservation_Throws(double observation)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HoltWinters.Update(HoltWintersState.Empty, Seasonal, observation));
    }

    [Fact]
    public void Update_AnyObservation_LeavesInputStateUnchanged()
    {
        var state = Fit(Seasonal, SeasonalSeries.Generate(WarmUp));
        var before = state.Seasonal.ToArray();

        HoltWinters.Update(state, Seasonal, 1_000);

        Assert.Equal(before, state.Seasonal);
    }

    [Theory]
    [InlineData(0.0, 0.1, 0.1, 0.98, 24, "alpha")]
    [InlineData(0.3, 1.5, 0.1, 0.98, 24, "beta")]
    [InlineData(0.8, 0.1, 0.3, 0.98, 24, "gamma")]
    [InlineData(0.3, 0.1, 0.1, 0.0, 24, "phi")]
    [InlineData(0.3, 0.1, 0.1, 0.98, 0, "season")]
    [InlineData(double.NaN, 0.1, 0.1, 0.98, 24, "alpha")]
    public void Problem_OutOfRangeParameter_NamesIt(double alpha, double beta, double gamma, double phi, int season, string named)
    {
        var problem = new HoltWintersParameters(alpha, beta, gamma, phi, season).Problem();

        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_ValidParameters_IsNull()
    {
        Assert.Null(Seasonal.Problem());
    }
}
