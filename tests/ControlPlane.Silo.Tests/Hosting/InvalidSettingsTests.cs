using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Hosting;

/// <summary>The built silo, run as a process with a bad setting, exits with 2 and one line naming the setting; no stack trace.</summary>
public sealed class InvalidSettingsTests : IDisposable
{
    private readonly TempDataDirectory _workingDirectory = new();

    public void Dispose() => _workingDirectory.Dispose();

    /// <summary>One bad value for each settings class, and one the configuration binder cannot convert.</summary>
    public static readonly TheoryData<string, string, string> BadSettings = new()
    {
        { "ControlPlane:ShutdownTimeout", "00:00:00", "The field ControlPlane:ShutdownTimeout must be between" },
        { "ControlPlane:Silo:SiloPort", "0", "The field ControlPlane:Silo:SiloPort must be between 1 and 65535" },
        { "ControlPlane:Cluster:GatewayPort", "70000", "The field ControlPlane:Cluster:GatewayPort must be between 1 and 65535" },
        { "ControlPlane:Git:Branch", "-main", "The field ControlPlane:Git:Branch must match the regular expression" },
        { "ControlPlane:Models:DecisionLogCapacity", "1", "The field ControlPlane:Models:DecisionLogCapacity must be between 10 and 100000" },
        { "ControlPlane:FinOps:WebhookMaxAttempts", "0", "The field ControlPlane:FinOps:WebhookMaxAttempts must be between 1 and 10" },
        { "ControlPlane:Signals:MaxBatchSamples", "0", "The field ControlPlane:Signals:MaxBatchSamples must be between 1 and 1000000" },
        { "ControlPlane:Ui:CommitUrlTemplate", "javascript:alert({sha})", "ControlPlane:Ui:CommitUrlTemplate must be an http(s) URL" },
        { "ControlPlane:Policies:OpaTimeout", "00:05:00", "The field ControlPlane:Policies:OpaTimeout must be between" },
        { "ControlPlane:Prometheus:Interval", "02:00:00", "The field ControlPlane:Prometheus:Interval must be between" },
        { "ControlPlane:Auth:RateLimit:PermitsPerSecond", "10000000", "The field ControlPlane:Auth:RateLimit:PermitsPerSecond must be between 1 and 1000000" },
        { "ControlPlane:Tracing:Exporter", "zipkin", "ControlPlane:Tracing:Exporter must be 'otlp' or 'none'" },
        { "ControlPlane:Signals:StreamPollInterval", "soon", "Failed to convert configuration value 'soon' at 'ControlPlane:Signals:StreamPollInterval'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_OneBadSetting_ExitsWith2AndOneLineNamingIt(string key, string value, string expected)
    {
        var result = await Run($"--{key}={value}");

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(Lines(result.Stderr));
        Assert.StartsWith($"controlplane: invalid configuration: {expected}", line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Start_BadSettingsInTwoSections_PrintsOneLineForEach()
    {
        var result = await Run("--ControlPlane:Signals:MaxBatchSamples=0", "--ControlPlane:Auth:RateLimit:Burst=0");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(2, Lines(result.Stderr).Length);
        Assert.Contains("ControlPlane:Signals:MaxBatchSamples", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ControlPlane:Auth:RateLimit:Burst", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    private Task<ProcessResult> Run(params string[] settings) =>
        SiloExecutable.RunUntilExitAsync([$"--urls=http://127.0.0.1:{FreePorts.Next()}", .. settings], _workingDirectory.Path);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
