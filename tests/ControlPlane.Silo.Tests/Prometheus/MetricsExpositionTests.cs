using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Prometheus;

/// <summary>What the plane serves on <c>/metrics</c> passes Prometheus' own linter.</summary>
[Collection(SharedPrometheus.Name)]
public sealed class MetricsExpositionTests(PrometheusPlane plane)
{
    [Fact]
    public async Task Metrics_AfterActivity_PassPromtoolCheckMetrics()
    {
        var metrics = await MetricsActivity.ExpositionAfterActivityAsync(plane);

        var lint = await PrometheusTools.PromtoolAsync(null, metrics, "check", "metrics");

        Assert.True(lint.ExitCode == 0, $"promtool check metrics found problems:\n{lint}");
    }
}
