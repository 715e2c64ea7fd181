using ControlPlane.Policies;

namespace ControlPlane.Cli.Policy;

/// <summary>
/// Runs the policy gate offline: the policies of a folder (as <see cref="PolicySet"/> loads them on the branch) over manifest
/// files, each file evaluated as one rendered manifest so every finding names its file. Kustomizations are skipped, as the gate does.
/// </summary>
public static class PolicyCheck
{
    public const string Deny = "deny";
    public const string Warn = "warn";
    private const string Kustomization = "kustomization.yaml";

    /// <summary>Checks every manifest under <paramref name="manifestPaths"/> (files or folders) against the policies in <paramref name="policyFolder"/>.</summary>
    public static PolicyReport Run(string policyFolder, IReadOnlyList<string> manifestPaths, string relativeTo)
    {
        ArgumentNullException.ThrowIfNull(manifestPaths);
        if (!Directory.Exists(policyFolder))
            throw new CommandFailedException(ExitCodes.Usage, $"policy folder '{policyFolder}' does not exist (use --policies DIR).");
        var policyFiles = YamlFiles(policyFolder).Select(f => new PolicyFile(Display(f, relativeTo), File.ReadAllText(f))).ToList();
        if (policyFiles.Count == 0)
            throw new CommandFailedException(ExitCodes.Usage, $"policy folder '{policyFolder}' holds no .yaml policy files: checking against nothing would pass anything.");
        var policies = PolicySet.Load(policyFiles);

        var manifests = new List<string>();
        var findings = new List<PolicyFinding>();
        foreach (var file in manifestPaths.SelectMany(Manifests).Distinct(StringComparer.Ordinal))
        {
            var shown = Display(file, relativeTo);
            manifests.Add(shown);
            var verdict = policies.Evaluate([File.ReadAllText(file)]);
            findings.AddRange(verdict.Denials.Select(v => Finding(Deny, shown, v)));
            findings.AddRange(verdict.Warnings.Select(v => Finding(Warn, shown, v)));
        }
        return new PolicyReport(policies.Policies, manifests, findings);
    }

    private static IEnumerable<string> Manifests(string path)
    {
        if (File.Exists(path)) return [Path.GetFullPath(path)];
        if (Directory.Exists(path)) return YamlFiles(path).Where(f => !Path.GetFileName(f).Equals(Kustomization, StringComparison.OrdinalIgnoreCase));
        throw new CommandFailedException(ExitCodes.Usage, $"'{path}' is neither a manifest file nor a folder.");
    }

    private static IEnumerable<string> YamlFiles(string folder) =>
        Directory.EnumerateFiles(Path.GetFullPath(folder), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    // A violation about a manifest no policy can read names "manifest 1": the file says which.
    private static PolicyFinding Finding(string action, string file, PolicyViolation v) =>
        new(action, file, v.Object.StartsWith("manifest ", StringComparison.Ordinal) ? "(unreadable)" : v.Object, v.Policy, v.Message);

    private static string Display(string file, string relativeTo)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(relativeTo), file);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace(Path.DirectorySeparatorChar, '/');
    }
}
