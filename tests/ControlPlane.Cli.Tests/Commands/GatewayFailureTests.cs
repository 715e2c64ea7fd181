using ControlPlane.Cli.Tests.Fixtures;

namespace ControlPlane.Cli.Tests.Commands;

/// <summary>What scripts see when the gateway cannot be reached or refuses the caller: one line on stderr, a fixed exit code, never the key.</summary>
[Collection(SharedPlane.Name)]
public sealed class GatewayFailureTests(CliPlane plane)
{
    [Fact]
    public async Task AnyCommand_NothingListening_Exits5WithOneLine()
    {
        var server = $"http://127.0.0.1:{LoopbackPorts.Free()}";

        var run = await new Cpctl(new Dictionary<string, string>()).RunAsync("models", "list", "--server", server);

        run.AssertFailed(ExitCodes.ServerError, $"cannot reach {server}/");
    }

    [Fact]
    public async Task AnyCommand_ServerNotAUrl_Exits2NamingWhereItCameFrom()
    {
        var run = await new Cpctl(new Dictionary<string, string> { ["CONTROLPLANE_URL"] = "ftp://plane" }).RunAsync("gitops", "status");

        run.AssertFailed(ExitCodes.Usage, "(from CONTROLPLANE_URL) is not an http:// or https:// URL");
    }

    [Fact]
    public async Task AnyCommand_UnknownKey_Exits4WithoutPrintingTheKey()
    {
        const string key = "cpk_not-a-key-the-plane-knows";

        var run = await Cpctl.Against(plane, key).RunAsync("models", "list", "--api-key", key);

        run.AssertFailed(ExitCodes.Unauthorized, "X-Api-Key");
        Assert.DoesNotContain(key, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_NoKey_Exits4SayingHowToSendOne()
    {
        var run = await new Cpctl(new Dictionary<string, string> { ["CONTROLPLANE_URL"] = plane.Server.ToString() }).RunAsync("models", "list");

        run.AssertFailed(ExitCodes.Unauthorized, "authentication required");
    }

    [Fact]
    public async Task ServerFlag_BeatsEnvironment()
    {
        var cpctl = new Cpctl(new Dictionary<string, string>
        {
            ["CONTROLPLANE_URL"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
            ["CONTROLPLANE_API_KEY"] = PlaneKeys.Viewer,
        });

        var run = await cpctl.RunAsync("--server", plane.Server.ToString(), "models", "list");

        run.AssertOk();
    }

    [Fact]
    public async Task ConfigFile_UsedWhenNoFlagOrEnvironment()
    {
        var home = Path.Combine(Path.GetTempPath(), "cpctl-tests-home", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(home, ".config", "cpctl"));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(home, ".config", "cpctl", "config.json"),
                $$"""{"server": "{{plane.Server}}", "apiKey": "{{PlaneKeys.Viewer}}"}""");

            var run = await new Cpctl(new Dictionary<string, string>(), home).RunAsync("gitops", "status");

            run.AssertOk();
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task ConfigFlag_MissingFile_Exits2()
    {
        var run = await new Cpctl(new Dictionary<string, string>()).RunAsync("models", "list", "--config", "/nonexistent/cpctl.json");

        run.AssertFailed(ExitCodes.Usage, "config file '/nonexistent/cpctl.json' does not exist");
    }

    [Fact]
    public async Task UnknownCommand_Exits2WithOneLine()
    {
        var run = await new Cpctl(new Dictionary<string, string>()).RunAsync("modles", "list");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
