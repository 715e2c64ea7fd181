using System.Text;

namespace ControlPlane.Core.Decisions;

/// <summary>Who caused a decision: the authenticated principal of a request, or the plane itself.</summary>
public static class Requester
{
    /// <summary>The requester of every decision the plane takes on its own (scaling, promotion, drift rollback).</summary>
    public const string ControlPlane = "controlplane";

    /// <summary>The Orleans request-context key the gateway sets to the caller's principal.</summary>
    public const string ContextKey = "controlplane-requested-by";

    public const int MaxLength = 128;

    /// <summary>A principal name fit for a log, a trailer and a JSON field: printable, one line, bounded; the plane when empty.</summary>
    public static string Normalize(string? principal)
    {
        if (string.IsNullOrWhiteSpace(principal)) return ControlPlane;
        var name = new StringBuilder(Math.Min(principal.Length, MaxLength));
        foreach (var c in principal)
        {
            if (name.Length == MaxLength) break;
            name.Append(char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? '_' : c);
        }
        return name.ToString();
    }
}
