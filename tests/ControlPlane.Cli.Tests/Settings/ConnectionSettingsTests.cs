using ControlPlane.Cli.Settings;

namespace ControlPlane.Cli.Tests.Settings;

/// <summary>Where the server and key come from: flag, then environment, then config file, then the default.</summary>
public sealed class ConnectionSettingsTests
{
    private static CliEnvironment Environment(Dictionary<string, string> variables) =>
        new(TextWriter.Null, TextWriter.Null, name => variables.GetValueOrDefault(name), "/nonexistent-home");

    [Fact]
    public void Resolve_NothingGiven_IsTheLocalDefaultWithoutKey()
    {
        var settings = ConnectionSettings.Resolve(null, null, null, Environment([]));

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), settings.Server);
        Assert.Null(settings.ApiKey);
    }

    [Fact]
    public void Resolve_EnvironmentAndFlags_FlagsWin()
    {
        var environment = Environment(new() { ["CONTROLPLANE_URL"] = "http://env:1", ["CONTROLPLANE_API_KEY"] = "env-key" });

        var settings = ConnectionSettings.Resolve("https://flag:2/plane", "flag-key", null, environment);

        Assert.Equal(new Uri("https://flag:2/plane/"), settings.Server);
        Assert.Equal("flag-key", settings.ApiKey);
    }

    [Fact]
    public void Resolve_EnvironmentAndConfigFile_EnvironmentWins()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"server": "http://file:3", "apiKey": "file-key"}""");
            var environment = Environment(new() { ["CONTROLPLANE_URL"] = "http://env:1" });

            var settings = ConnectionSettings.Resolve(null, null, file, environment);

            Assert.Equal(new Uri("http://env:1/"), settings.Server);
            Assert.Equal("file-key", settings.ApiKey);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Resolve_ConfigFileWithUnknownField_FailsWithUsageNamingTheFileNotItsValues()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"server": "http://file:3", "apikey2": "secret-value"}""");

            var failure = Assert.Throws<CommandFailedException>(() => ConnectionSettings.Resolve(null, null, file, Environment([])));

            Assert.Equal(ExitCodes.Usage, failure.ExitCode);
            Assert.Contains(file, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-value", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Resolve_ServerWithCredentials_IsRefused()
    {
        var failure = Assert.Throws<CommandFailedException>(() => ConnectionSettings.Resolve("http://user:pw@plane", null, null, Environment([])));

        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
        Assert.DoesNotContain("pw", failure.Message, StringComparison.Ordinal);
    }
}
