using System.Globalization;
using ControlPlane.Core.Decisions;

namespace ControlPlane.Core.FinOps;

/// <summary>
/// Turns a budget's forecast and anomalies into the events not yet reported: each threshold the spend reached in this
/// period, the forecast first exceeding the limit in this period, and each anomalous hour. The caller keeps the keys of
/// what it reported (<see cref="BudgetEvent.Key"/>) and passes them back in, so each event happens exactly once.
/// </summary>
public static class BudgetEvents
{
    public static IReadOnlyList<BudgetEvent> Detect(string budget, SpendForecast forecast, IReadOnlyList<Anomaly> anomalies,
        IReadOnlySet<string> reported, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(anomalies);
        ArgumentNullException.ThrowIfNull(reported);
        var found = new List<BudgetEvent>();
        var period = Stamp(forecast.PeriodStart);
        foreach (var t in forecast.Thresholds.Where(t => t.CrossedBySpend))
        {
            var key = $"threshold/{period}/{Number(t.Percent)}";
            if (reported.Contains(key)) continue;
            found.Add(Event(key, DecisionKind.BudgetThreshold, budget, now, forecast,
                $"budget({budget}): spend reached {Number(t.Percent)}% of the limit",
                Format("spent {0:0.##} {1} of {2:0.##}, past the {3}% threshold of {4:0.##} in the period from {5:yyyy-MM-dd}",
                    forecast.SpendToDate, forecast.Currency, forecast.Limit, Number(t.Percent), t.Amount, forecast.PeriodStart),
                ("threshold-percent", Number(t.Percent)), ("threshold-amount", Number(t.Amount))));
        }
        var forecastKey = $"forecast/{period}";
        if (forecast.ForecastExceedsLimit && !reported.Contains(forecastKey))
            found.Add(Event(forecastKey, DecisionKind.BudgetForecast, budget, now, forecast,
                $"budget({budget}): forecast exceeds the limit",
                Format("forecast {0:0.##} {1} by {2:yyyy-MM-dd HH:mm}Z exceeds the {3:0.##} limit ({4})",
                    forecast.ForecastAtPeriodEnd, forecast.Currency, forecast.PeriodEnd, forecast.Limit, forecast.Method)));
        foreach (var a in anomalies)
        {
            var key = AnomalyKey(a);
            if (reported.Contains(key)) continue;
            found.Add(Event(key, DecisionKind.CostAnomaly, budget, now, forecast,
                $"budget({budget}): {a.Direction} spend anomaly at {a.At:yyyy-MM-dd HH:mm}Z", a.Explanation,
                ("hour", Stamp(a.At)), ("value", Number(a.Value)), ("expected", Number(a.Expected)),
                ("score", Number(a.Score)), ("direction", a.Direction)));
        }
        return found;
    }

    /// <summary>
    /// An anomalous hour is reported once per direction: an hour judged low while its spend was still arriving may
    /// later be judged high, and that is news.
    /// </summary>
    public static string AnomalyKey(Anomaly anomaly)
    {
        ArgumentNullException.ThrowIfNull(anomaly);
        return $"anomaly/{Stamp(anomaly.At)}/{anomaly.Direction}";
    }

    private static BudgetEvent Event(string key, string kind, string budget, DateTimeOffset now, SpendForecast forecast,
        string summary, string reason, params (string Name, string Value)[] extra)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["spend-to-date"] = Number(forecast.SpendToDate),
            ["limit"] = Number(forecast.Limit),
            ["currency"] = forecast.Currency,
            ["forecast-at-period-end"] = Number(forecast.ForecastAtPeriodEnd),
            ["period-start"] = Stamp(forecast.PeriodStart),
            ["period-end"] = Stamp(forecast.PeriodEnd),
        };
        foreach (var (name, value) in extra) details[name] = value;
        return new BudgetEvent(key, kind, budget, now, summary, reason, details);
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
