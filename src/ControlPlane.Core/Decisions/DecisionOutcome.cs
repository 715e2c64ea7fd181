namespace ControlPlane.Core.Decisions;

/// <summary>Whether a decision took effect as proposed, was cut down by a limit, or was refused.</summary>
public static class DecisionOutcome
{
    public const string Applied = "applied";
    public const string Capped = "capped";
    public const string Denied = "denied";

    /// <summary>An event the plane noticed and reported; it changes no desired state.</summary>
    public const string Observed = "observed";
}
