using System.Globalization;
using ControlPlane.Silo.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ControlPlane.Silo.Tests.Prometheus;

/// <summary>A Prometheus that cannot be reached is counted on every poll and logged once; bad settings stop the start.</summary>
public sealed class DcgmPollerFailureTests
{
    [Fact]
    public async Task Poller_PrometheusUnreachable_CountsEveryPollAndLogsTheErrorOnce()
    {
        using var data = new TempDataDirectory();
        var logs = new CapturedLogs();
        await using var factory = new ControlPlaneFactory(data.Path, new Dictionary<string, string>
        {
            ["ControlPlane:Prometheus:Url"] = $"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            ["ControlPlane:Prometheus:Interval"] = "00:00:00.100",
        }, logs.AddTo);
        using var client = await factory.StartAsync();

        await Eventually.Until(async () => FailedPolls(await (await client.GetAsync(Gateway.Url("/metrics"))).Content.ReadAsStringAsync()) >= 5,
            TimeSpan.FromSeconds(30), "five failed polls counted");

        Assert.Single(logs.Lines, l => l.Contains("Polling Prometheus for GPU utilization failed", StringComparison.Ordinal));
    }

    public static readonly TheoryData<string, string, string> BadSettings = new()
    {
        { "ControlPlane:Prometheus:Url", "ftp://prometheus:9090", "Url must be an absolute http or https URL" },
        { "ControlPlane:Prometheus:Url", "not a url", "Url must be an absolute http or https URL" },
        { "ControlPlane:Prometheus:Timeout", "00:00:00", "Timeout" },
        { "ControlPlane:Prometheus:Interval", "02:00:00", "Interval" },
        { "ControlPlane:Prometheus:Query", "", "Query" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadPrometheusSetting_FailsNamingIt(string key, string value, string expected)
    {
        using var data = new TempDataDirectory();
        await using var factory = new ControlPlaneFactory(data.Path, new Dictionary<string, string> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static double FailedPolls(string metrics)
    {
        const string series = "controlplane_prometheus_polls_total{outcome=\"failed\"} ";
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[series.Length..], CultureInfo.InvariantCulture);
    }
}
