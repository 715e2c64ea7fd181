namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>Runs cpctl's entry point in-process with its own environment variables and a home directory that holds no config.</summary>
public sealed class Cpctl(IReadOnlyDictionary<string, string> variables, string? home = null)
{
    private readonly string _home = home ?? Path.Combine(Path.GetTempPath(), "cpctl-tests-no-home", Guid.NewGuid().ToString("N"));

    /// <summary>cpctl pointed at <paramref name="plane"/> through the environment, presenting <paramref name="key"/> (the admin's by default).</summary>
    public static Cpctl Against(CliPlane plane, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(plane);
        return new Cpctl(new Dictionary<string, string>
        {
            ["CONTROLPLANE_URL"] = plane.Server.ToString(),
            ["CONTROLPLANE_API_KEY"] = key ?? PlaneKeys.Admin,
        });
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(new CapturedText(), CancellationToken.None, args);

    /// <summary>Runs with <paramref name="output"/> as standard output, which the test may read while the run goes on.</summary>
    public async Task<CliRun> RunAsync(CapturedText output, CancellationToken cancellationToken, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var error = new CapturedText();
        var environment = new CliEnvironment(output, error, name => variables.GetValueOrDefault(name), _home);
        var exitCode = await Program.RunAsync(args, environment, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
