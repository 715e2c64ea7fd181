namespace ControlPlane.Cluster.Tests;

/// <summary>A silo started with a wrong cluster setting exits at once with one line naming it.</summary>
public sealed class ClusterConfigurationTests
{
    public static readonly TheoryData<string, string, string> BadSettings = new()
    {
        { "ControlPlane:Cluster:Redis", "", "ControlPlane:Cluster:Redis is required when ControlPlane:Cluster:Mode is redis" },
        { "ControlPlane:Git:RemoteUrl", "", "ControlPlane:Git:RemoteUrl is required when ControlPlane:Cluster:Mode is redis" },
        { "ControlPlane:Cluster:AdvertisedAddress", "silo-0.local", "ControlPlane:Cluster:AdvertisedAddress must be an IP address" },
        { "ControlPlane:Cluster:Mode", "etcd", "ControlPlane:Cluster:Mode must be 'embedded' or 'redis'" },
        { "ControlPlane:Cluster:NumMissedProbesLimit", "0", "ControlPlane:Cluster:NumMissedProbesLimit must be at least 1" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadClusterSetting_ExitsWithOneLineNamingIt(string key, string value, string expected)
    {
        using var data = new TempDataDirectory();
        var settings = new Dictionary<string, string>
        {
            ["ControlPlane:Cluster:Mode"] = "redis",
            ["ControlPlane:Cluster:Redis"] = "127.0.0.1:1",
            ["ControlPlane:Git:RemoteUrl"] = data.Combine("remote.git"),
            ["ControlPlane:DataDirectory"] = data.Path,
            ["urls"] = $"http://127.0.0.1:{FreePorts.Next()}",
            [key] = value,
        };

        var result = await SiloProcess.RunUntilExitAsync(settings);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KubernetesHostingInEmbeddedMode_ExitsNamingIt()
    {
        using var data = new TempDataDirectory();
        var result = await SiloProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ControlPlane:Cluster:KubernetesHosting"] = "true",
            ["ControlPlane:DataDirectory"] = data.Path,
            ["urls"] = $"http://127.0.0.1:{FreePorts.Next()}",
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ControlPlane:Cluster:KubernetesHosting needs ControlPlane:Cluster:Mode redis", result.Stderr, StringComparison.Ordinal);
    }
}
