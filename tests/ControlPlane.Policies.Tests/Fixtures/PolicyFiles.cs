namespace ControlPlane.Policies.Tests.Fixtures;

/// <summary>Policy files as YAML text: a ValidatingAdmissionPolicy and, unless told otherwise, its binding in the same file.</summary>
internal static class PolicyFiles
{
    public const string Deployments = """{ apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"] }""";
    public const string Everything = """{ apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"] }""";

    /// <summary>A policy with one validation over <paramref name="rule"/>, bound with <paramref name="actions"/> (null: no binding).</summary>
    public static PolicyFile Policy(string name, string expression, string? actions = "Deny", string rule = Deployments, string? message = null, string? messageExpression = null) =>
        new($"policies/{name}.yaml", PolicyText(name, expression, rule, message, messageExpression) + (actions is null ? "" : "---\n" + Binding(name, actions)));

    public static string PolicyText(string name, string expression, string rule = Deployments, string? message = null, string? messageExpression = null) => $"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: {name}
        spec:
          matchConstraints:
            resourceRules:
              - {rule}
          validations:
            - expression: {Quoted(expression)}
        {(message is null ? "" : $"      message: {Quoted(message)}\n")}{(messageExpression is null ? "" : $"      messageExpression: {Quoted(messageExpression)}\n")}
        """;

    public static string Binding(string policyName, string actions, string? bindingName = null) => $"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata:
          name: {bindingName ?? policyName}
        spec:
          policyName: {policyName}
          validationActions: [{actions}]

        """;

    // YAML single quotes take any text once their own quotes are doubled.
    private static string Quoted(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
