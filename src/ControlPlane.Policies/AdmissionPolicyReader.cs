using Cel;

namespace ControlPlane.Policies;

/// <summary>Reads and compiles a ValidatingAdmissionPolicy document, collecting every problem instead of stopping at the first.</summary>
/// <remarks>failurePolicy is not read: the gate always fails closed. paramKind is not supported, so <c>params</c> is null.</remarks>
internal static class AdmissionPolicyReader
{
    public static AdmissionPolicy Read(Dictionary<string, object?> document, string path, CelEnvironment environment)
    {
        if (PolicyDocuments.Name(document) is not { } name)
            return AdmissionPolicy.Broken(path, path, "a ValidatingAdmissionPolicy has no metadata.name");
        if (document.GetValueOrDefault("spec") is not Dictionary<string, object?> spec)
            return AdmissionPolicy.Broken(name, path, "spec is missing or not a mapping");
        var errors = new List<string>();
        var (match, matchError) = ResourceMatch.Read(spec.GetValueOrDefault("matchConstraints"));
        if (matchError is not null) errors.Add(matchError);
        var variables = ReadNamed(spec, "variables", environment, errors);
        if (variables.GroupBy(v => v.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add($"variable '{twice.Key}' is defined twice");
        var conditions = ReadNamed(spec, "matchConditions", environment, errors);
        var declared = spec.GetValueOrDefault("validations") as List<object?> ?? [];
        // A bound policy that checks nothing would let everything through.
        if (declared.Count == 0) errors.Add("spec.validations is missing or empty");
        var validations = declared.Select((v, i) => ReadValidation(v, i, environment, errors)).OfType<PolicyValidation>().ToList();
        return new AdmissionPolicy(name, path, match ?? ResourceMatch.Everything, variables, conditions, validations, declared.Count,
            errors.Count == 0 ? null : string.Join("; ", errors));
    }

    private static List<NamedExpression> ReadNamed(Dictionary<string, object?> spec, string field, CelEnvironment environment, List<string> errors)
    {
        var named = new List<NamedExpression>();
        if (spec.GetValueOrDefault(field) is not { } node) return named;
        if (node is not List<object?> entries)
        {
            errors.Add($"spec.{field} is not a list");
            return named;
        }
        foreach (var (entry, index) in entries.Select((e, i) => (e as Dictionary<string, object?>, i)))
        {
            if (entry?.GetValueOrDefault("name") is not string { Length: > 0 } name)
            {
                errors.Add($"spec.{field}[{index}] has no name");
                continue;
            }
            var (expression, error) = CelExpression.Compile(environment, entry.GetValueOrDefault("expression") as string);
            if (expression is null) errors.Add($"spec.{field}[{index}] ({name}): {error}");
            else named.Add(new NamedExpression(name, expression));
        }
        return named;
    }

    private static PolicyValidation? ReadValidation(object? node, int index, CelEnvironment environment, List<string> errors)
    {
        var entry = node as Dictionary<string, object?>;
        var (expression, error) = CelExpression.Compile(environment, entry?.GetValueOrDefault("expression") as string);
        if (expression is null) errors.Add($"spec.validations[{index}]: {error}");
        CelExpression? messageExpression = null;
        if (entry?.GetValueOrDefault("messageExpression") is string messageText)
        {
            (messageExpression, var messageError) = CelExpression.Compile(environment, messageText);
            if (messageExpression is null) errors.Add($"spec.validations[{index}].messageExpression: {messageError}");
        }
        return expression is null ? null : new PolicyValidation(expression, messageExpression, entry?.GetValueOrDefault("message") as string);
    }
}
