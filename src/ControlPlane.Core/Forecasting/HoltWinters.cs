namespace ControlPlane.Core.Forecasting;

/// <summary>
/// Additive Holt–Winters with a damped trend, fitted online one observation at a time (ETS(A,Ad,A) in
/// error-correction form). Initialization (the classical two-season one): the first two seasons are only
/// collected; then the trend is the difference of their means over a season, each seasonal term the mean of
/// its two detrended deviations from their season's mean, and the level that of the last observation.
/// With a season of one, the first observation is the level and the trend starts at zero. From then on every observation corrects level, trend and its seasonal term by its one-step error.
/// </summary>
public static class HoltWinters
{
    /// <summary>Folds one observation into the state; the input state is left as it was.</summary>
    public static HoltWintersState Update(HoltWintersState state, HoltWintersParameters parameters, double observation)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.EnsureValid();
        if (!double.IsFinite(observation))
            throw new ArgumentOutOfRangeException(nameof(observation), observation, "observations must be finite numbers");

        var m = parameters.SeasonLength;
        if (!state.IsFitted(parameters)) return Collect(state, parameters, observation);

        var position = (int)(state.Count % m);
        var seasonal = state.Seasonal[position];
        var error = observation - (state.Level + parameters.Phi * state.Trend + seasonal);
        var terms = state.Seasonal.ToArray();
        // A season of one is the level itself; its term stays zero so gamma cannot fight alpha.
        terms[position] = m == 1 ? 0 : seasonal + parameters.Gamma * error;

        var residuals = state.ResidualCount + 1;
        // Plain mean for the first residuals, then an exponential window so the error tracks the current regime.
        var weight = 1.0 / Math.Min(residuals, parameters.ErrorWindow);
        return new HoltWintersState(
            state.Level + parameters.Phi * state.Trend + parameters.Alpha * error,
            parameters.Phi * state.Trend + parameters.Alpha * parameters.Beta * error,
            terms,
            state.Count + 1,
            residuals,
            state.ResidualVariance + weight * (error * error - state.ResidualVariance),
            state.MeanAbsoluteError + weight * (Math.Abs(error) - state.MeanAbsoluteError));
    }

    /// <summary>
    /// Forecasts steps 1..<paramref name="horizonSteps"/>. Standard errors follow the class-1 approximation
    /// var(h) = σ²(1 + Σ_{j&lt;h} c_j²), c_j = α(1 + βφ_j) + γ·[j mod m = 0], φ_j = φ + … + φ^j.
    /// Before a full season it falls back to the mean of what was seen, with their spread as error.
    /// </summary>
    public static HoltWintersForecast Forecast(HoltWintersState state, HoltWintersParameters parameters, int horizonSteps)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.EnsureValid();
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonSteps, 1);
        if (state.Count == 0) return HoltWintersForecast.None;
        if (!state.IsFitted(parameters)) return WarmUp(state, horizonSteps);

        var m = parameters.SeasonLength;
        var gamma = m == 1 ? 0 : parameters.Gamma;
        var points = new ForecastPoint[horizonSteps];
        double dampedSum = 0, dampedPower = 1, errorGrowth = 0;
        for (var h = 1; h <= horizonSteps; h++)
        {
            dampedPower *= parameters.Phi;
            dampedSum += dampedPower;
            var value = state.Level + dampedSum * state.Trend + state.Seasonal[(int)((state.Count + h - 1) % m)];
            points[h - 1] = new ForecastPoint(h, value, Math.Sqrt(state.ResidualVariance * (1 + errorGrowth)));
            var c = parameters.Alpha * (1 + parameters.Beta * dampedSum) + (h % m == 0 ? gamma : 0);
            errorGrowth += c * c;
        }
        return new HoltWintersForecast(points, ForecastBasis.Fitted);
    }

    private static HoltWintersState Collect(HoltWintersState state, HoltWintersParameters parameters, double observation)
    {
        var seen = state.Seasonal.Append(observation).ToArray();
        var mean = seen.Average();
        if (seen.Length < parameters.WarmUpLength) return state with { Level = mean, Seasonal = seen, Count = seen.Length };
        var m = parameters.SeasonLength;
        if (m == 1) return new HoltWintersState(observation, 0, [0.0], 1, 0, 0, 0);

        var (first, second) = (seen[..m].Average(), seen[m..].Average());
        var trend = (second - first) / m;
        var centre = (m - 1) / 2.0;
        var terms = Enumerable.Range(0, m)
            .Select(i => ((seen[i] - first) + (seen[m + i] - second)) / 2 - trend * (i - centre))
            .ToArray();
        // Until real one-step errors arrive, what the initial fit leaves unexplained stands in for the error.
        var fitted = Enumerable.Range(0, 2 * m).Select(t => (t < m ? first : second) + trend * (t % m - centre) + terms[t % m]);
        var variance = seen.Zip(fitted, (y, f) => (y - f) * (y - f)).Sum() / (2 * m);
        return new HoltWintersState(second + trend * centre, trend, terms, seen.Length, 0, variance, Math.Sqrt(variance));
    }

    private static HoltWintersForecast WarmUp(HoltWintersState state, int horizonSteps)
    {
        var seen = state.Seasonal;
        var mean = seen.Average();
        var deviation = seen.Count > 1 ? Math.Sqrt(seen.Sum(x => (x - mean) * (x - mean)) / (seen.Count - 1)) : 0;
        var points = Enumerable.Range(1, horizonSteps).Select(h => new ForecastPoint(h, mean, deviation)).ToList();
        return new HoltWintersForecast(points, ForecastBasis.WarmUpMean);
    }
}
