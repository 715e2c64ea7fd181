namespace ControlPlane.Policies;

/// <summary>The policies of the repository's <c>policies/</c> folder, compiled once at load and evaluated against every object about to be committed.</summary>
public sealed class PolicySet
{
    /// <summary>Names the gate itself in violations about manifests that no policy can read.</summary>
    public const string GateName = "policy-gate";

    private readonly IReadOnlyList<BoundPolicy> _policies;
    private readonly IReadOnlyList<BoundPolicy> _enforced;

    private PolicySet(IReadOnlyList<BoundPolicy> policies)
    {
        _policies = policies;
        _enforced = policies.Where(p => p.Enforced != ValidationActions.None).ToList();
        Policies = policies.Select(p => p.Info()).ToList();
    }

    public IReadOnlyList<PolicyInfo> Policies { get; }

    /// <summary>Never throws: a file or policy that cannot be read is listed with its error and denies what it would apply to.</summary>
    public static PolicySet Load(IEnumerable<PolicyFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new PolicySet(PolicyLoader.Load(files));
    }

    /// <summary>Evaluates every policy against every object in the manifests (each one rendered YAML document).</summary>
    public PolicyVerdict Evaluate(IEnumerable<string> manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        List<PolicyViolation> denials = [], warnings = [], audits = [];
        var number = 0;
        foreach (var manifest in manifests)
        {
            number++;
            foreach (var (resource, manifestObject, error) in ManifestObjects.Read(manifest, number))
            {
                if (resource is null || manifestObject is null)
                {
                    denials.Add(new PolicyViolation(GateName, $"manifest {number}", error!));
                    continue;
                }
                var request = AdmissionRequest.Activation(resource, manifestObject);
                foreach (var bound in _enforced)
                    foreach (var message in bound.Policy.Review(resource, request))
                    {
                        var violation = new PolicyViolation(bound.Policy.Name, resource.Description, message);
                        if (bound.Enforced.HasFlag(ValidationActions.Deny)) denials.Add(violation);
                        if (bound.Enforced.HasFlag(ValidationActions.Warn)) warnings.Add(violation);
                        if (bound.Enforced.HasFlag(ValidationActions.Audit)) audits.Add(violation);
                    }
            }
        }
        return new PolicyVerdict(denials, warnings, audits);
    }
}
