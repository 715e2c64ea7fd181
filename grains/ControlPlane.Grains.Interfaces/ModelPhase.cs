namespace ControlPlane.Grains;

/// <summary>Where a model's desired state stands.</summary>
public static class ModelPhase
{
    /// <summary>Decided, but the commit has not been written yet (or failed and will be retried).</summary>
    public const string Pending = "Pending";

    /// <summary>The desired state is committed to Git.</summary>
    public const string Stable = "Stable";
}
