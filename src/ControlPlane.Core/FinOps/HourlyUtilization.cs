namespace ControlPlane.Core.FinOps;

/// <summary>
/// GPU utilization samples condensed to a sum and count per UTC hour, newest <see cref="MaxHours"/> hours only, so a
/// model grain can keep a week of history in its state and hand <see cref="CostRecommender"/> an hourly series.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HourlyUtilization([Id(0)] IReadOnlyList<UtilizationHour> Hours)
{
    /// <summary>One week: what the recommendations and the anomaly lookback look at.</summary>
    public const int MaxHours = 7 * 24;

    public static readonly HourlyUtilization Empty = new([]);

    /// <summary>Adds readings (percent), dropping those older than the kept window before <paramref name="now"/> or from the future hour on.</summary>
    public HourlyUtilization Add(IEnumerable<(DateTimeOffset At, double Value)> readings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var oldest = HourlySeries.HourOf(now).AddHours(-(MaxHours - 1));
        var end = HourlySeries.HourOf(now).AddHours(1);
        var byHour = Hours.Where(h => h.HourStart >= oldest).ToDictionary(h => h.HourStart);
        var changed = byHour.Count != Hours.Count;
        foreach (var (at, value) in readings)
        {
            var hour = HourlySeries.HourOf(at);
            if (hour < oldest || hour >= end || !double.IsFinite(value)) continue;
            byHour[hour] = byHour.TryGetValue(hour, out var h) ? h with { Sum = h.Sum + value, Count = h.Count + 1 } : new UtilizationHour(hour, value, 1);
            changed = true;
        }
        return changed ? new HourlyUtilization(byHour.Values.OrderBy(h => h.HourStart).ToList()) : this;
    }

    /// <summary>Hourly means over [from, to); hours without a reading are NaN (not observed), not 0.</summary>
    public HourlySeries ToSeries(DateTimeOffset from, DateTimeOffset to)
    {
        var start = HourlySeries.HourOf(from);
        var values = Enumerable.Repeat(double.NaN, Math.Max(0, (int)Math.Ceiling((to - start).TotalHours))).ToArray();
        foreach (var h in Hours)
        {
            var i = (int)((h.HourStart - start).Ticks / TimeSpan.TicksPerHour);
            if (h.HourStart >= start && i < values.Length && h.Count > 0) values[i] = h.Sum / h.Count;
        }
        return new HourlySeries(start, values);
    }

    /// <summary>The last week up to and including the hour of <paramref name="now"/>, summarized for the recommender.</summary>
    public UtilizationSummary Summarize(DateTimeOffset now)
    {
        var end = HourlySeries.HourOf(now).AddHours(1);
        return UtilizationSummary.FromHourly(ToSeries(end.AddHours(-MaxHours), end));
    }
}

/// <summary>The sum and count of utilization readings in the UTC hour starting at <see cref="HourStart"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record UtilizationHour([Id(0)] DateTimeOffset HourStart, [Id(1)] double Sum, [Id(2)] int Count);
