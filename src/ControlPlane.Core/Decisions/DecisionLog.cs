namespace ControlPlane.Core.Decisions;

/// <summary>Keeps a decision list bounded: newest last, oldest dropped first.</summary>
public static class DecisionLog
{
    public static IReadOnlyList<Decision> Append(IReadOnlyList<Decision> log, Decision decision, int capacity)
    {
        ArgumentNullException.ThrowIfNull(log);
        var kept = log.Count >= capacity ? log.Skip(log.Count - capacity + 1) : log;
        return [.. kept, decision];
    }

    public static IReadOnlyList<Decision> Replace(IReadOnlyList<Decision> log, Decision decision) =>
        log.Select(d => d.Id == decision.Id ? decision : d).ToList();
}
