namespace ControlPlane.Policies;

/// <summary>Recognises the admission documents in a policy file; everything else in it (a kustomization, a ConfigMap) is not a policy.</summary>
internal static class PolicyDocuments
{
    public const string PolicyKind = "ValidatingAdmissionPolicy";
    public const string BindingKind = "ValidatingAdmissionPolicyBinding";
    private const string Group = "admissionregistration.k8s.io/";

    public static bool IsPolicy(Dictionary<string, object?> document) => Is(document, PolicyKind);

    public static bool IsBinding(Dictionary<string, object?> document) => Is(document, BindingKind);

    public static string? Name(Dictionary<string, object?> document) =>
        (document.GetValueOrDefault("metadata") as Dictionary<string, object?>)?.GetValueOrDefault("name") as string is { Length: > 0 } name ? name : null;

    private static bool Is(Dictionary<string, object?> document, string kind) =>
        document.GetValueOrDefault("kind") as string == kind
        && document.GetValueOrDefault("apiVersion") is string apiVersion
        && apiVersion.StartsWith(Group, StringComparison.Ordinal);
}
