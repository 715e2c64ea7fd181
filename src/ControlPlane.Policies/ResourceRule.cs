namespace ControlPlane.Policies;

/// <summary>One <c>resourceRules</c> entry: which groups, versions, resources and operations a policy applies to.</summary>
internal sealed record ResourceRule(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> ApiVersions, IReadOnlyList<string> Resources, IReadOnlyList<string> Operations)
{
    // A commit creates the object or updates it, and the plane cannot tell which: a rule for either applies.
    private static readonly string[] CommitOperations = ["*", "CREATE", "UPDATE"];

    public bool Matches(ObjectResource resource) =>
        Operations.Any(o => CommitOperations.Contains(o, StringComparer.Ordinal))
        && ApiGroups.Any(g => g == "*" || g == resource.Group)
        && ApiVersions.Any(v => v == "*" || v == resource.Version)
        // Rendered manifests are whole objects, so "deployments/status" or "deployments/*" (subresources) never match.
        && Resources.Any(r => r is "*" or "*/*" || r == resource.Resource);

    /// <summary>The rule, or null when a field is missing or is not a list of strings.</summary>
    public static ResourceRule? Read(object? node)
    {
        if (node is not Dictionary<string, object?> rule) return null;
        var groups = Strings(rule.GetValueOrDefault("apiGroups"));
        var versions = Strings(rule.GetValueOrDefault("apiVersions"));
        var resources = Strings(rule.GetValueOrDefault("resources"));
        var operations = Strings(rule.GetValueOrDefault("operations"));
        return groups is null || versions is null || resources is null || operations is null
            ? null
            : new ResourceRule(groups, versions, resources, operations);
    }

    private static List<string>? Strings(object? node) =>
        node is List<object?> items && items.All(i => i is string) ? items.Cast<string>().ToList() : null;
}
