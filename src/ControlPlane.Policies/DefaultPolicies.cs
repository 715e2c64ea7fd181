namespace ControlPlane.Policies;

/// <summary>The policies seeded into a new repository's <c>policies/</c> folder (embedded from <c>Defaults/</c>).</summary>
public static class DefaultPolicies
{
    public static IReadOnlyList<PolicyFile> Files { get; } = Load();

    private static List<PolicyFile> Load()
    {
        var assembly = typeof(DefaultPolicies).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("policies/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new PolicyFile(n, reader.ReadToEnd());
            })
            .ToList();
    }
}
