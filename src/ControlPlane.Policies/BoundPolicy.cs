namespace ControlPlane.Policies;

/// <summary>A policy with the actions its bindings ask for.</summary>
internal sealed record BoundPolicy(AdmissionPolicy Policy, ValidationActions Actions)
{
    /// <summary>Broken policies deny whatever their bindings say: the gate fails closed.</summary>
    public ValidationActions Enforced => Policy.Error is not null && Actions != ValidationActions.None ? ValidationActions.Deny : Actions;

    public PolicyInfo Info() => new(
        Policy.Name,
        Policy.Path,
        Enum.GetValues<ValidationActions>().Where(a => a != ValidationActions.None && Actions.HasFlag(a)).Select(a => a.ToString()).ToList(),
        Policy.Match.Kinds,
        Policy.DeclaredValidations,
        Policy.Error);
}
