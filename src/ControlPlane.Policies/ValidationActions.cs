namespace ControlPlane.Policies;

/// <summary>What a binding does with a policy's violations; Kubernetes lets one binding ask for several.</summary>
[Flags]
internal enum ValidationActions
{
    None = 0,
    Deny = 1,
    Warn = 2,
    Audit = 4,
}
