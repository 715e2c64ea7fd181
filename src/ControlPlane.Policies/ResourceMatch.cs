namespace ControlPlane.Policies;

/// <summary>A policy's <c>matchConstraints</c>: the resource rules it applies to, minus the excluded ones.</summary>
/// <remarks>Namespace and object selectors are ignored, so a policy applies to at least the objects the API server would apply it to: stricter, never laxer.</remarks>
internal sealed record ResourceMatch(IReadOnlyList<ResourceRule> Include, IReadOnlyList<ResourceRule> Exclude)
{
    private static readonly ResourceRule Anything = new(["*"], ["*"], ["*"], ["*"]);

    /// <summary>Matches every object: what a policy whose own match rules cannot be read is held to.</summary>
    public static ResourceMatch Everything { get; } = new([Anything], []);

    public bool Matches(ObjectResource resource) =>
        Include.Any(r => r.Matches(resource)) && !Exclude.Any(r => r.Matches(resource));

    /// <summary>The kinds named by the include rules, for listing ("*" for a wildcard).</summary>
    public IReadOnlyList<string> Kinds =>
        Include.SelectMany(r => r.Resources).Select(r => r is "*" or "*/*" ? "*" : ResourceNames.KindOf(r)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The match, or an error saying what is unreadable.</summary>
    public static (ResourceMatch? Match, string? Error) Read(object? node)
    {
        if (node is not Dictionary<string, object?> constraints) return (null, "spec.matchConstraints is missing or not a mapping");
        if (constraints.GetValueOrDefault("resourceRules") is not List<object?> { Count: > 0 } include)
            return (null, "spec.matchConstraints.resourceRules is missing or empty");
        var exclude = constraints.GetValueOrDefault("excludeResourceRules") as List<object?> ?? [];
        var includeRules = include.Select(ResourceRule.Read).ToList();
        var excludeRules = exclude.Select(ResourceRule.Read).ToList();
        if (includeRules.Contains(null) || excludeRules.Contains(null))
            return (null, "a resource rule lacks apiGroups, apiVersions, resources or operations as lists of strings");
        return (new ResourceMatch(includeRules.OfType<ResourceRule>().ToList(), excludeRules.OfType<ResourceRule>().ToList()), null);
    }
}
