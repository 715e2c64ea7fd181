using ControlPlane.Core.Fields;

namespace ControlPlane.Core.Decisions;

/// <summary>Who caused a decision: the authenticated principal of a request, or the plane itself.</summary>
public static class Requester
{
    /// <summary>The requester of every decision the plane takes on its own (scaling, promotion, drift rollback).</summary>
    public const string ControlPlane = "controlplane";

    /// <summary>The Orleans request-context key the gateway sets to the caller's principal.</summary>
    public const string ContextKey = "controlplane-requested-by";

    public const int MaxLength = 128;

    /// <summary>Null when <paramref name="principal"/> may be recorded as it is; else why not, with the rule.</summary>
    public static string? Check(string? principal) => FieldRules.Requester.Check("requester", principal);

    /// <summary>
    /// A principal name fit for a log, a trailer and a JSON field; the plane when empty. The gateway refuses a name
    /// that <see cref="Check"/> refuses, so only a caller that bypassed it sees its name changed here.
    /// </summary>
    public static string Normalize(string? principal)
    {
        if (string.IsNullOrWhiteSpace(principal)) return ControlPlane;
        if (FieldRules.Requester.Accepts(principal)) return principal;
        var name = principal.ToCharArray();
        foreach (var fault in PrintableText.Faults(principal, TextLayout.Token)) name[fault.Index] = '_';
        var length = Math.Min(name.Length, MaxLength);
        if (length < name.Length && char.IsHighSurrogate(name[length - 1])) length--; // never half a surrogate pair
        return new string(name, 0, length);
    }
}
