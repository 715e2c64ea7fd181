using ControlPlane.Core.GitOps;
using ControlPlane.Policies;

namespace ControlPlane.GitOps;

/// <summary>Runs the policies over a model's rendered Kubernetes objects (not the kustomizations, which are not applied).</summary>
public static class PolicyGate
{
    public static PolicyCheck Check(PolicySet policies, IReadOnlyDictionary<string, string> rendered)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return ToCheck(policies.Evaluate(Objects(rendered)));
    }

    /// <summary>The rendered files that are Kubernetes objects, as YAML documents.</summary>
    public static IReadOnlyList<string> Objects(IReadOnlyDictionary<string, string> rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        return rendered.Where(f => !f.Key.EndsWith("/" + RepositoryLayout.KustomizationFile, StringComparison.Ordinal)).Select(f => f.Value).ToList();
    }

    public static PolicyCheck ToCheck(PolicyVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new PolicyCheck(verdict.Denials.Select(Describe).ToList(), verdict.Warnings.Select(Describe).ToList());
    }

    private static string Describe(PolicyViolation v) => $"{v.Policy}: {v.Message}";
}
