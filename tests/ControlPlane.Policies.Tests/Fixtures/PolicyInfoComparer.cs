namespace ControlPlane.Policies.Tests.Fixtures;

/// <summary>Compares policy listings by value, lists included (records compare lists by reference).</summary>
internal sealed class PolicyInfoComparer : IEqualityComparer<PolicyInfo>
{
    public bool Equals(PolicyInfo? x, PolicyInfo? y) =>
        x is not null && y is not null
        && (x.Name, x.Path, x.Validations, x.Error) == (y.Name, y.Path, y.Validations, y.Error)
        && x.ValidationActions.SequenceEqual(y.ValidationActions)
        && x.Kinds.SequenceEqual(y.Kinds);

    public int GetHashCode(PolicyInfo obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
}
