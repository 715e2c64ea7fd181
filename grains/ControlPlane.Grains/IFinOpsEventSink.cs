namespace ControlPlane.Grains;

/// <summary>
/// Takes FinOps events (budget thresholds, forecasts, anomalies) after they are recorded, for delivery elsewhere (a webhook).
/// <see cref="Publish"/> must return at once: delivery happens off the grain's turn and never fails the grain.
/// </summary>
public interface IFinOpsEventSink
{
    void Publish(Decision finOpsEvent);
}

/// <summary>The sink when no webhook is configured.</summary>
public sealed class NoFinOpsEventSink : IFinOpsEventSink
{
    public void Publish(Decision finOpsEvent) { }
}
