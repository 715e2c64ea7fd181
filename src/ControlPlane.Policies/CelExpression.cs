using System.Text.RegularExpressions;
using Cel;

namespace ControlPlane.Policies;

/// <summary>A CEL expression compiled once at load and evaluated per object.</summary>
internal sealed partial class CelExpression
{
    private readonly CelProgramDelegate _program;

    private CelExpression(string text, CelProgramDelegate program) => (Text, _program) = (text, program);

    public string Text { get; }

    /// <summary>The compiled expression, or why it does not compile.</summary>
    public static (CelExpression? Expression, string? Error) Compile(CelEnvironment environment, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "an expression is missing or empty");
        if (ShadowedRoot().Match(text) is { Success: true } shadow)
            return (null, $"expression '{text}' names a macro variable '{shadow.Groups["name"].Value}', which would hide the variable of that name; choose another");
        try
        {
            return (new CelExpression(text, environment.Compile(text)), null);
        }
        catch (Exception e)
        {
            return (null, $"expression '{text}' does not compile: {Describe(e)}");
        }
    }

    public CelOutcome Evaluate(IDictionary<string, object?> activation)
    {
        try
        {
            var value = _program(activation);
            // The package hands back a sentinel instead of failing when the result is a field the object lacks.
            return value?.GetType().Name == "CelNoSuchField"
                ? new CelOutcome(null, value.GetType().GetProperty("Message")?.GetValue(value) as string ?? "no such field")
                : new CelOutcome(value, null);
        }
        catch (Exception e)
        {
            return new CelOutcome(null, Describe(e));
        }
    }

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var x = e; x is not null; x = x.InnerException)
            if (!messages.Contains(x.Message, StringComparer.Ordinal)) messages.Add(x.Message);
        return string.Join(": ", messages);
    }

    // CelActivation answers "object.x" paths from the root variables, so a macro variable must not take a root's name.
    [GeneratedRegex(@"\.\s*(all|exists|exists_one|map|filter)\s*\(\s*(?<name>object|oldObject|request|params|variables|namespaceObject|authorizer)\s*,")]
    private static partial Regex ShadowedRoot();
}
