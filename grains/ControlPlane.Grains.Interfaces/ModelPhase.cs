namespace ControlPlane.Grains;

/// <summary>Where a model's desired state stands.</summary>
public static class ModelPhase
{
    /// <summary>Decided, but the commit has not been written yet (or failed and will be retried).</summary>
    public const string Pending = "Pending";

    /// <summary>The desired state is committed to Git and the running version is the stable one.</summary>
    public const string Stable = "Stable";

    /// <summary>A new version is committed and under analysis; the previous stable version is kept to return to.</summary>
    public const string Progressing = "Progressing";
}
