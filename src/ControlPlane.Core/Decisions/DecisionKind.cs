namespace ControlPlane.Core.Decisions;

/// <summary>The kinds of decision the plane records; the value of the <c>Decision-Kind</c> trailer.</summary>
public static class DecisionKind
{
    public const string Register = "register";
    public const string Update = "update";
    public const string Scale = "scale";
    public const string Rollout = "rollout";
    public const string Promote = "promote";
    public const string Rollback = "rollback";

    /// <summary>A push found that others had changed files the plane owns; its desired state won.</summary>
    public const string Conflict = "conflict";
}
