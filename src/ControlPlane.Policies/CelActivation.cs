namespace ControlPlane.Policies;

/// <summary>The variables of one evaluation, answering dotted paths ("object.spec.replicas") in one lookup.</summary>
/// <remarks>
/// The Cel package asks for a select's whole text as a variable before walking it, and walking costs about 10 µs a step
/// (it searches protobuf descriptors each time): answering the path here keeps evaluation well under a millisecond.
/// A path that does not lead through maps to a present field is left to the package, so errors stay its own.
/// </remarks>
internal sealed class CelActivation : Dictionary<string, object?>, IDictionary<string, object?>
{
    public CelActivation(IDictionary<string, object?> variables) : base(variables, StringComparer.Ordinal)
    {
    }

    bool IDictionary<string, object?>.TryGetValue(string key, out object? value)
    {
        if (TryGetValue(key, out value)) return true;
        var segments = key.Split('.');
        if (segments.Length < 2 || !TryGetValue(segments[0], out var node)) return false;
        for (var i = 1; i < segments.Length; i++)
        {
            if (node is not Dictionary<string, object?> map || !map.TryGetValue(segments[i], out node))
            {
                value = null;
                return false;
            }
        }
        value = node;
        return true;
    }
}
