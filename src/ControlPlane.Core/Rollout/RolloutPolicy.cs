namespace ControlPlane.Core.Rollout;

/// <summary>What a rollout does after an interval: keep going, promote the candidate, or roll it back.</summary>
public static class RolloutPolicy
{
    /// <summary>
    /// Clean intervals in a row promote; breached intervals in a row roll back; a critical breach rolls back
    /// at once. An interval without signals counts as neither, so silence never promotes a version.
    /// </summary>
    public static RolloutStep Next(RolloutProgress progress, IntervalAnalysis analysis, RolloutSettings settings)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(settings);
        var seen = progress with { IntervalsAnalysed = progress.IntervalsAnalysed + 1, LastAnalysis = analysis };
        var evidence = analysis.Describe();
        switch (analysis.Verdict)
        {
            case Verdicts.Critical:
                return new(RolloutAction.Rollback, seen with { BreachedIntervals = progress.BreachedIntervals + 1, CleanIntervals = 0 },
                    $"critical bound breached: {evidence}");
            case Verdicts.Breach:
                var breached = seen with { BreachedIntervals = progress.BreachedIntervals + 1, CleanIntervals = 0 };
                return breached.BreachedIntervals >= settings.ConsecutiveBreaches
                    ? new(RolloutAction.Rollback, breached, $"{breached.BreachedIntervals} breached intervals in a row: {evidence}")
                    : new(RolloutAction.Continue, breached, $"breach {breached.BreachedIntervals}/{settings.ConsecutiveBreaches}: {evidence}");
            case Verdicts.Clean:
                var clean = seen with { CleanIntervals = progress.CleanIntervals + 1, BreachedIntervals = 0 };
                return clean.CleanIntervals >= settings.PromoteAfter
                    ? new(RolloutAction.Promote, clean, $"{clean.CleanIntervals} clean intervals in a row: {evidence}")
                    : new(RolloutAction.Continue, clean, $"clean {clean.CleanIntervals}/{settings.PromoteAfter}: {evidence}");
            default:
                return new(RolloutAction.Continue, seen, evidence);
        }
    }
}

/// <summary>The outcome of one analysis interval.</summary>
public sealed record RolloutStep(RolloutAction Action, RolloutProgress Progress, string Reason);

/// <summary>What to do with a rollout after an interval.</summary>
public enum RolloutAction
{
    Continue,
    Promote,
    Rollback,
}
