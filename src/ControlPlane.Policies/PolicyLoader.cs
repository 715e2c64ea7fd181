using Cel;
namespace ControlPlane.Policies;

/// <summary>Reads policy files into bound policies; whatever cannot be read becomes a broken policy that denies, never a gap.</summary>
internal static class PolicyLoader
{
    public static IReadOnlyList<BoundPolicy> Load(IEnumerable<PolicyFile> files)
    {
        var environment = CelLibrary.Create();
        var policies = new List<AdmissionPolicy>();
        var bindings = new List<PolicyBinding>();
        // Problems no binding can be matched with (a file that does not parse, a policy without a name) deny every object.
        var unbindable = new List<BoundPolicy>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            Read(file, environment, policies, bindings, unbindable);
        return Bind(WithDuplicatesMarked(policies), bindings).Concat(unbindable)
            .OrderBy(b => b.Policy.Path, StringComparer.Ordinal).ThenBy(b => b.Policy.Name, StringComparer.Ordinal).ToList();
    }

    private static void Read(PolicyFile file, CelEnvironment environment, List<AdmissionPolicy> policies, List<PolicyBinding> bindings, List<BoundPolicy> unbindable)
    {
        // Only YAML is applied by Flux; a README beside the policies is not one.
        if (!file.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !file.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) return;
        IReadOnlyList<object?> documents;
        try
        {
            documents = YamlDocuments.Parse(file.Content);
        }
        catch (Exception e)
        {
            // Whatever the YAML library throws, the text is unreadable: that is a denial, not a crash.
            unbindable.Add(Unbindable(file.Path, $"{file.Path} is not valid YAML: {e.Message}"));
            return;
        }
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] is null) continue;
            if (documents[i] is not Dictionary<string, object?> document)
                unbindable.Add(Unbindable(file.Path, $"document {i + 1} of {file.Path} is not a mapping"));
            else if (PolicyDocuments.IsPolicy(document) && PolicyDocuments.Name(document) is null)
                unbindable.Add(new BoundPolicy(AdmissionPolicyReader.Read(document, file.Path, environment), ValidationActions.Deny));
            else if (PolicyDocuments.IsPolicy(document))
                policies.Add(AdmissionPolicyReader.Read(document, file.Path, environment));
            else if (PolicyDocuments.IsBinding(document))
                bindings.Add(PolicyBinding.Read(document, file.Path));
        }
    }

    private static IEnumerable<BoundPolicy> Bind(List<AdmissionPolicy> policies, List<PolicyBinding> bindings)
    {
        var known = policies.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var binding in bindings.Where(b => b.PolicyName is null || !known.Contains(b.PolicyName)))
            yield return binding.PolicyName is null
                ? Unbindable(binding.Path, binding.Error!)
                : new BoundPolicy(AdmissionPolicy.Broken(binding.PolicyName, binding.Path,
                    $"binding '{binding.Name}' names policy '{binding.PolicyName}', which no file defines"), binding.Actions);
        foreach (var policy in policies)
        {
            var own = bindings.Where(b => b.PolicyName == policy.Name).ToList();
            var actions = own.Aggregate(ValidationActions.None, (all, b) => all | b.Actions);
            yield return new BoundPolicy(WithError(policy, own.Select(b => b.Error)), actions);
        }
    }

    private static List<AdmissionPolicy> WithDuplicatesMarked(List<AdmissionPolicy> policies) =>
        policies.Select(p =>
        {
            var others = policies.Where(o => o != p && o.Name == p.Name).Select(o => o.Path).ToList();
            return WithError(p, others.Count == 0 ? [] : [$"policy name '{p.Name}' is also defined in {string.Join(", ", others)}"]);
        }).ToList();

    private static AdmissionPolicy WithError(AdmissionPolicy policy, IEnumerable<string?> errors)
    {
        var all = errors.Prepend(policy.Error).OfType<string>().ToList();
        return all.Count == 0 ? policy : policy with { Error = string.Join("; ", all) };
    }

    private static BoundPolicy Unbindable(string path, string error) => new(AdmissionPolicy.Broken(path, path, error), ValidationActions.Deny);
}
