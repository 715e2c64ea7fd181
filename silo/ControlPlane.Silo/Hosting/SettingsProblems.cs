using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace ControlPlane.Silo.Hosting;

/// <summary>What is wrong with a settings object, one sentence per problem, each naming its configuration key.</summary>
public static class SettingsProblems
{
    public static IEnumerable<string> Of(object settings, string section)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var key = $"{section}:{property.Name}";
            var value = property.GetValue(settings);
            // The key as display name: data annotations' messages then say which setting to fix, not which C# property.
            var context = new ValidationContext(settings) { MemberName = property.Name, DisplayName = key };
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
                if (rule.GetValidationResult(value, context) is { ErrorMessage: { } problem }) yield return problem;
            if (value is not null && property.IsDefined(typeof(ValidateObjectMembersAttribute)))
                foreach (var problem in Of(value, key)) yield return problem;
        }
        if (settings is not IValidatableObject validatable) yield break;
        foreach (var result in validatable.Validate(new ValidationContext(settings)))
            if (result.ErrorMessage is { } problem) yield return problem;
    }
}
