namespace ControlPlane.Policies;

/// <summary>A ValidatingAdmissionPolicyBinding: which policy it enforces and how.</summary>
/// <remarks>matchResources and paramRef are ignored: the bound policy applies wherever its own rules say, which is stricter, never laxer.</remarks>
internal sealed record PolicyBinding(string Name, string Path, string? PolicyName, ValidationActions Actions, string? Error)
{
    public static PolicyBinding Read(Dictionary<string, object?> document, string path)
    {
        var name = PolicyDocuments.Name(document) ?? path;
        var spec = document.GetValueOrDefault("spec") as Dictionary<string, object?>;
        var policyName = spec?.GetValueOrDefault("policyName") as string is { Length: > 0 } p ? p : null;
        var (actions, error) = ReadActions(spec?.GetValueOrDefault("validationActions"));
        if (policyName is null) error = "spec.policyName is missing";
        return new PolicyBinding(name, path, policyName, actions, error is null ? null : $"binding '{name}': {error}");
    }

    private static (ValidationActions Actions, string? Error) ReadActions(object? node)
    {
        if (node is not List<object?> { Count: > 0 } items) return (ValidationActions.Deny, "spec.validationActions is missing or empty");
        var actions = ValidationActions.None;
        foreach (var item in items)
        {
            var action = item switch
            {
                "Deny" => ValidationActions.Deny,
                "Warn" => ValidationActions.Warn,
                "Audit" => ValidationActions.Audit,
                _ => ValidationActions.None,
            };
            if (action == ValidationActions.None) return (ValidationActions.Deny, $"validation action '{item}' is not Deny, Warn or Audit");
            // The API server refuses Deny with Warn; the gate accepts it and reports the violation in both lists.
            if (actions.HasFlag(action)) return (ValidationActions.Deny, $"validation action '{item}' is listed twice");
            actions |= action;
        }
        return (actions, null);
    }
}
