using System.Text.Json.Serialization;
using ControlPlane.Policies;

namespace ControlPlane.Cli.Policy;

/// <summary>What <c>cpctl policy check</c> found: the policies read (with the error of any that does not load), the files checked, and every finding.</summary>
public sealed record PolicyReport(IReadOnlyList<PolicyInfo> Policies, IReadOnlyList<string> Manifests, IReadOnlyList<PolicyFinding> Findings)
{
    [JsonIgnore]
    public IEnumerable<PolicyInfo> Broken => Policies.Where(p => p.Error is not null);

    [JsonIgnore]
    public IEnumerable<PolicyFinding> Denials => Findings.Where(f => f.Action == PolicyCheck.Deny);

    /// <summary>Passes when nothing is denied and every policy loads: a policy the gate cannot read would deny at commit time.</summary>
    public bool Passed => !Denials.Any() && !Broken.Any();
}
