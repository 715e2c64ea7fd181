namespace ControlPlane.Silo.Hosting;

/// <summary>Settings that stop the start: checked all at once, before anything reads them, and told one line per problem.</summary>
public static class InvalidSettings
{
    /// <summary>
    /// Runs every <c>ValidateOnStart</c> check now. Left alone, each runs where its options are first read — mapping an
    /// endpoint, or the host's start, which logs a stack trace before it throws — so each bad setting failed differently.
    /// </summary>
    public static void ThrowIfAny(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>One line per problem when <paramref name="error"/> is about settings; null when it is about something else.</summary>
    public static IReadOnlyList<string>? Describe(Exception error) => error switch
    {
        OptionsValidationException invalid => [.. invalid.Failures.Select(OneLine)],
        // Several sections wrong at once: the start-up validator throws them together, a section that another's check
        // reads (ControlPlane:Git in the cluster check) once for each.
        AggregateException all when all.InnerExceptions.Count > 0 && all.InnerExceptions.All(e => Describe(e) is not null) =>
            [.. all.InnerExceptions.SelectMany(e => Describe(e)!).Distinct()],
        // A value the configuration binder cannot convert ("abc" for a number); its message names the key.
        InvalidOperationException { InnerException: not null } unconvertible
            when unconvertible.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [OneLine(unconvertible.Message)],
        _ => null,
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
