using System.Globalization;

namespace ControlPlane.Core.FinOps;

/// <summary>
/// Scores each hour as (x − median) / (1.4826 · MAD) against the hours before it. With at least
/// <see cref="AnomalyOptions.SeasonalMinDays"/> days of lookback the median is that of the same hour-of-day on previous
/// days (so a regular daily peak is expected), and the MAD is of every lookback hour's distance from its own hour-of-day
/// median; otherwise both come from the plain lookback. An hour is anomalous when its score reaches the threshold and its
/// absolute deviation reaches the floor; the MAD has a floor too, so a flat series does not turn every wiggle infinite.
/// </summary>
public static class AnomalyDetector
{
    /// <summary>Anomalies among the hours at or after <paramref name="since"/>, oldest first; earlier hours serve only as lookback.</summary>
    public static IReadOnlyList<Anomaly> Detect(string metric, HourlySeries series, DateTimeOffset since, AnomalyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= AnomalyOptions.Default;
        var found = new List<Anomaly>();
        var first = Math.Max(0, (int)Math.Ceiling((since - series.Start).TotalHours));
        for (var i = first; i < series.Values.Count; i++)
        {
            if (!double.IsFinite(series.Values[i]) || Score(series, i, options) is not { } score) continue;
            var deviation = series.Values[i] - score.Expected;
            var z = deviation / (RobustStatistics.MadToSigma * score.Mad);
            if (Math.Abs(z) < options.ScoreThreshold || Math.Abs(deviation) < options.MinAbsoluteDeviation) continue;
            var direction = deviation > 0 ? AnomalyDirection.Up : AnomalyDirection.Down;
            var explanation = string.Format(CultureInfo.InvariantCulture,
                "{0} {1:0.##} at {2:yyyy-MM-dd HH:mm}Z is {3:0.#} robust standard deviations {4} the expected {5:0.##} ({6})",
                metric, series.Values[i], series.HourAt(i), Math.Abs(z), deviation > 0 ? "above" : "below", score.Expected, score.Basis);
            found.Add(new Anomaly(metric, series.HourAt(i), series.Values[i], score.Expected, z, direction, explanation));
        }
        return found;
    }

    private readonly record struct Baseline(double Expected, double Mad, string Basis);

    /// <summary>The expected value and floored MAD for hour <paramref name="i"/> from the hours before it, or null when too few.</summary>
    private static Baseline? Score(HourlySeries series, int i, AnomalyOptions options)
    {
        var from = Math.Max(0, i - options.LookbackHours);
        var values = series.Values;
        // Grouped by distance from hour i modulo a day: group 0 holds the same hour-of-day on previous days.
        var byHourOfDay = Enumerable.Range(0, 24).Select(_ => new List<double>()).ToArray();
        foreach (var j in Hours(values, from, i)) byHourOfDay[HourOfDay(j, i)].Add(values[j]);

        double expected, mad;
        string basis;
        if (byHourOfDay[0].Count >= options.SeasonalMinDays)
        {
            var medians = byHourOfDay.Select(RobustStatistics.Median).ToArray();
            expected = medians[0];
            mad = RobustStatistics.Median(Hours(values, from, i).Select(j => Math.Abs(values[j] - medians[HourOfDay(j, i)])));
            basis = $"median of the same hour on {byHourOfDay[0].Count} previous days";
        }
        else
        {
            var window = Hours(values, from, i).Select(j => values[j]).ToList();
            if (window.Count < options.MinPoints) return null;
            expected = RobustStatistics.Median(window);
            mad = RobustStatistics.Median(window.Select(v => Math.Abs(v - expected)));
            basis = $"median of the previous {window.Count} hours";
        }
        var floor = Math.Max(options.MinMad, options.MinMadFraction * Math.Abs(expected));
        return new Baseline(expected, Math.Max(mad, floor), basis);
    }

    private static int HourOfDay(int j, int i) => ((j - i) % 24 + 24) % 24;

    /// <summary>Indices in [from, to) that hold a value.</summary>
    private static IEnumerable<int> Hours(IReadOnlyList<double> values, int from, int to)
    {
        for (var j = from; j < to; j++)
            if (double.IsFinite(values[j])) yield return j;
    }
}
