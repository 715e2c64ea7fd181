namespace ControlPlane.Policies;

/// <summary>A ValidatingAdmissionPolicy compiled at load; one whose definition is broken carries the reason in <see cref="Error"/>.</summary>
internal sealed record AdmissionPolicy(
    string Name,
    string Path,
    ResourceMatch Match,
    IReadOnlyList<NamedExpression> Variables,
    IReadOnlyList<NamedExpression> MatchConditions,
    IReadOnlyList<PolicyValidation> Validations,
    int DeclaredValidations,
    string? Error)
{
    /// <summary>A policy that could not be read: it applies to every object and denies each one with the reason.</summary>
    public static AdmissionPolicy Broken(string name, string path, string error) =>
        new(name, path, ResourceMatch.Everything, [], [], [], 0, error);

    /// <summary>The violation messages for one object; none when the policy does not apply or every validation is true.</summary>
    public IEnumerable<string> Review(ObjectResource resource, Dictionary<string, object?> request)
    {
        if (!Match.Matches(resource)) yield break;
        if (Error is not null)
        {
            yield return $"policy '{Name}' is broken, so it denies every object it applies to: {Error}";
            yield break;
        }
        var activation = new CelActivation(request);
        var variableErrors = BindVariables(activation);
        foreach (var condition in MatchConditions)
        {
            var outcome = condition.Expression.Evaluate(activation);
            if (outcome.IsFalse) yield break;
            if (outcome.IsTrue) continue;
            yield return Failure($"match condition '{condition.Name}'", condition.Expression, outcome, variableErrors);
            yield break;
        }
        foreach (var validation in Validations)
        {
            var outcome = validation.Expression.Evaluate(activation);
            if (outcome.IsTrue) continue;
            yield return outcome.IsFalse
                ? MessageFor(validation, activation)
                : Failure("validation", validation.Expression, outcome, variableErrors);
        }
    }

    // Variables are evaluated up front; one that fails is left unbound and its error is reported by whatever then fails for lack of it.
    private string BindVariables(CelActivation activation)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        activation["variables"] = values;
        var errors = new List<string>();
        foreach (var variable in Variables)
        {
            var outcome = variable.Expression.Evaluate(activation);
            if (outcome.Error is null) values[variable.Name] = outcome.Value;
            else errors.Add($"variable '{variable.Name}' failed: {outcome.Error}");
        }
        return errors.Count == 0 ? "" : $" ({string.Join("; ", errors)})";
    }

    private string Failure(string what, CelExpression expression, CelOutcome outcome, string variableErrors) => outcome.Error is not null
        ? $"policy '{Name}' could not evaluate {what} '{expression.Text}': {outcome.Error}{variableErrors}"
        : $"policy '{Name}': {what} '{expression.Text}' gave {outcome.DescribeValue()}, not a boolean{variableErrors}";

    private static string MessageFor(PolicyValidation validation, CelActivation activation)
    {
        // As in Kubernetes: a messageExpression that fails or gives no usable text falls back to message.
        if (validation.MessageExpression?.Evaluate(activation) is { Error: null, Value: string text } && !string.IsNullOrWhiteSpace(text) && !text.Contains('\n', StringComparison.Ordinal))
            return text;
        return validation.Message ?? $"failed expression: {validation.Expression.Text}";
    }
}
