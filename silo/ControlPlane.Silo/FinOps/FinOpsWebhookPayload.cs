using ControlPlane.Core.Decisions;

namespace ControlPlane.Silo.FinOps;

/// <summary>
/// The JSON body of a FinOps webhook call: the event as it is in the decision feed (<see cref="Id"/> is its decision id,
/// <see cref="Subject"/> is <c>budget:&lt;name&gt;</c> or a model id).
/// </summary>
public sealed record FinOpsWebhookPayload(
    string Source,
    string Id,
    string Kind,
    string Subject,
    DateTimeOffset At,
    string Summary,
    string Reason,
    IReadOnlyDictionary<string, string> Details)
{
    public static FinOpsWebhookPayload Of(Decision finOpsEvent)
    {
        ArgumentNullException.ThrowIfNull(finOpsEvent);
        return new("controlplane", finOpsEvent.Id, finOpsEvent.Kind, finOpsEvent.Model, finOpsEvent.At, finOpsEvent.Summary, finOpsEvent.Reason,
            finOpsEvent.Inputs ?? new Dictionary<string, string>());
    }
}
