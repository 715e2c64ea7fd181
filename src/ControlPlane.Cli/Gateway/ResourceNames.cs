using System.Text.RegularExpressions;

namespace ControlPlane.Cli.Gateway;

/// <summary>Checks names before they become request paths, with the rule the gateway applies (DNS-1123 labels).</summary>
public static partial class ResourceNames
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    /// <summary>The path of a model, <c>api/v1/models/NAMESPACE/NAME</c>, from <c>NAMESPACE/NAME</c>.</summary>
    public static string ModelPath(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parts = model.Split('/');
        if (parts.Length != 2 || !IsLabel(parts[0]) || !IsLabel(parts[1]))
            throw new CommandFailedException(ExitCodes.Usage, $"model '{model}' must be NAMESPACE/NAME, both DNS-1123 labels (lower-case letters, digits, '-', at most 63).");
        return $"api/v1/models/{parts[0]}/{parts[1]}";
    }

    /// <summary><paramref name="name"/> itself when it is a DNS-1123 label; <paramref name="kind"/> names it in the error otherwise.</summary>
    public static string Label(string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsLabel(name)
            ? name
            : throw new CommandFailedException(ExitCodes.Usage, $"{kind} '{name}' is not a DNS-1123 label (lower-case letters, digits, '-', at most 63).");
    }

    private static bool IsLabel(string text) => text.Length <= 63 && Label().IsMatch(text);
}
