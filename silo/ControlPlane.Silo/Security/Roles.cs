namespace ControlPlane.Silo.Security;

/// <summary>The three roles of the gateway; each includes the ones below it (admin ⊇ operator ⊇ viewer).</summary>
public static class Roles
{
    /// <summary>Reads everything.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also posts signals, proposes versions, rolls back, applies recommendations.</summary>
    public const string Operator = "operator";

    /// <summary>Also registers models, budgets and clusters, and manages API keys.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    public static bool IsKnown(string? role) => role is Viewer or Operator or Admin;

    /// <summary>The roles that satisfy a requirement for <paramref name="role"/>.</summary>
    public static string[] AtLeast(string role) => role switch
    {
        Viewer => [Viewer, Operator, Admin],
        Operator => [Operator, Admin],
        _ => [Admin],
    };

    /// <summary>Declares the role an endpoint needs; the policy of the same name checks it.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, string role) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsKnown(role), true, nameof(role));
        return builder.RequireAuthorization(role);
    }
}
