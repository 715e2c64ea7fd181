using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Silo.Hosting;

/// <summary>
/// Checks one settings section: the data annotations of each property (and of members marked
/// <see cref="ValidateObjectMembersAttribute"/>), then <see cref="IValidatableObject"/>; every problem is a sentence
/// naming the full key, e.g. "The field ControlPlane:Signals:MaxBatchSamples must be between 1 and 1000000."
/// </summary>
public sealed class SettingsValidation<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = SettingsProblems.Of(options, section).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
