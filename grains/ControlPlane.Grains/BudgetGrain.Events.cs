namespace ControlPlane.Grains;

/// <summary>Budget events: thresholds crossed, the forecast over the limit and anomalous hours, each reported once.</summary>
public sealed partial class BudgetGrain
{
    /// <summary>Reported keys are kept longer than any period, so a threshold never fires twice in one.</summary>
    private static readonly TimeSpan ReportedRetention = TimeSpan.FromDays(40);

    private static readonly TimeSpan AnomalyRetention = TimeSpan.FromDays(7);

    private DateTimeOffset? _evaluatedAt;

    /// <summary>
    /// The events not yet reported, remembered as reported in the state (not yet written). Anomalies are looked for in
    /// the complete hours of the last day, so an hour whose spend arrives late is still judged once it is in.
    /// </summary>
    private IReadOnlyList<BudgetEvent> Evaluate(BudgetSpec spec, DateTimeOffset now)
    {
        if (_evaluatedAt is { } last && now - last < finOps.Value.EvaluationInterval) return [];
        _evaluatedAt = now;
        var s = state.State;
        var forecast = Forecast(spec, now);
        SetGauges(spec, forecast);

        var nowHour = HourlySeries.HourOf(now);
        var anomalies = s.Ledger.FirstHour is { } first && first < nowHour
            ? AnomalyDetector.Detect("spend", s.Ledger.ToSeries(first, nowHour), nowHour.AddDays(-1))
            : [];
        var reported = s.Reported.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var events = BudgetEvents.Detect(Name, forecast, anomalies, reported, now);
        if (events.Count == 0) return events;

        var newAnomalies = anomalies.Where(a => !reported.Contains(BudgetEvents.AnomalyKey(a)));
        state.State = s with
        {
            Reported = [.. s.Reported.Where(r => r.At >= now - ReportedRetention), .. events.Select(e => new ReportedEvent(e.Key, now))],
            Anomalies = [.. s.Anomalies.Where(a => a.At >= now - AnomalyRetention), .. newAnomalies],
        };
        return events;
    }

    /// <summary>Each event goes to the decision feed, the metric and the sink (webhook); none of them can fail the accrual.</summary>
    private async Task Report(IReadOnlyList<BudgetEvent> events)
    {
        foreach (var e in events)
        {
            var decision = new Decision(Guid.CreateVersion7(e.At).ToString(), e.Kind, $"budget:{Name}", e.At, e.Summary, e.Reason,
                Outcome: DecisionOutcome.Observed, Inputs: e.Details, RequestedBy: Requester.ControlPlane);
            ControlPlaneMetrics.BudgetEvents.WithLabels(e.Kind).Inc();
            LogBudgetEvent(Name, e.Kind, new LogLine(e.Summary));
            try
            {
                await GrainFactory.GetGrain<IDecisionFeedGrain>(IDecisionFeedGrain.Key).Record(decision);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFeedFailed(ex, Name, e.Key);
            }
            sink.Publish(decision);
        }
    }

    private void SetGauges(BudgetSpec spec, SpendForecast forecast)
    {
        ControlPlaneMetrics.BudgetSpend.WithLabels(Name).Set(forecast.SpendToDate);
        ControlPlaneMetrics.BudgetLimit.WithLabels(Name).Set(spec.Limit);
        ControlPlaneMetrics.BudgetForecast.WithLabels(Name).Set(forecast.ForecastAtPeriodEnd);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Budget {Budget}: {Kind} {Summary}")]
    private partial void LogBudgetEvent(string budget, string kind, LogLine summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording budget event {Key} of {Budget} in the decision feed failed")]
    private partial void LogFeedFailed(Exception ex, string budget, string key);
}
