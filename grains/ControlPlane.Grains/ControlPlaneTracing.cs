using System.Diagnostics;

namespace ControlPlane.Grains;

/// <summary>
/// The plane's own spans: a signal batch reaching its model, the decision, the policy gate, the commit and the push.
/// Activities exist only while a listener (OpenTelemetry, when tracing is on) asks for them.
/// </summary>
public static class ControlPlaneTracing
{
    public const string SourceName = "ControlPlane";
    public const string DecisionIdTag = "controlplane.decision_id";
    public const string DecisionKindTag = "controlplane.decision_kind";
    public const string ModelTag = "controlplane.model";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Continues the trace whose W3C parent a stream batch carried; a new trace when it carried none.</summary>
    public static Activity? Continue(string name, string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent)
            ? Source.StartActivity(name, ActivityKind.Consumer, parent)
            : Source.StartActivity(name, ActivityKind.Consumer);

    /// <summary>Starts a span for work on behalf of one decision, tagged with its id, kind and model.</summary>
    public static Activity? ForDecision(string name, string decisionId, string kind, string model)
    {
        var span = Source.StartActivity(name);
        span?.SetTag(DecisionIdTag, decisionId);
        span?.SetTag(DecisionKindTag, kind);
        span?.SetTag(ModelTag, model);
        return span;
    }
}
