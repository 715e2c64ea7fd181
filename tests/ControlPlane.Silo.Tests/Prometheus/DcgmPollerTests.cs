using System.Globalization;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Prometheus;

/// <summary>GPU utilization scraped by a real Prometheus from a DCGM exporter reaches the models through the poller.</summary>
[Collection(SharedPrometheus.Name)]
public sealed class DcgmPollerTests(PrometheusPlane plane)
{
    private readonly HttpClient _client = plane.Client;

    /// <summary>Time for a scrape (1 s), a poll (200 ms) and a decision, with room for a busy machine.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private void Report(RegisteredModel model, string pod, double utilization) =>
        plane.Exporter.Pods = [.. plane.Exporter.Pods, (model.Namespace, pod, utilization)];

    [Fact]
    public async Task Poller_DcgmUtilizationAboveTarget_ScalesTheModelUp()
    {
        var model = await _client.RegisterModelAsync(); // min 1, max 8, target 70

        Report(model, $"{model.Name}-7d9f8b6c4-x2k9z", 93);

        await Eventually.Until(() => _client.GetJsonAsync(model.Path), v => (int?)v["replicas"] >= 2, Deadline, $"{model.Id} scaling up on polled utilization");
        await _client.CommittedDecisionAsync(model, "scale");
        // Utilization stays above target, so later polls scale on: the first scale decision is the one 93% caused at 1 replica.
        var scale = (await _client.GetJsonAsync($"{model.Path}/decisions")).AsArray().Last(d => (string?)d!["kind"] == "scale")!;
        Assert.Equal(1, (int?)scale["fromReplicas"]);
        Assert.Equal(2, (int?)scale["toReplicas"]); // ceil(1 × 93 / 70)
        Assert.Contains("93% vs target 70%", (string?)scale["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poller_DcgmSeries_KeepsThePodAndObservedUtilization()
    {
        var model = await _client.RegisterModelAsync(m => m["targetGpuUtilization"] = 90); // 40% is within tolerance: no scaling

        Report(model, $"{model.Name}-5c6d7e8f9-abcde", 40);

        var view = await Eventually.Until(() => _client.GetJsonAsync(model.Path), v => v["observedGpuUtilization"] is not null, Deadline,
            $"{model.Id} observing polled utilization");
        Assert.Equal(40, (double?)view["observedGpuUtilization"]);
        Assert.Equal(1, (int?)view["replicas"]);
    }

    [Fact]
    public async Task Poller_Polling_CountsPollsAndSamplesFromPrometheus()
    {
        var model = await _client.RegisterModelAsync(m => m["targetGpuUtilization"] = 90);
        Report(model, $"{model.Name}-6b7c8d9e0-fghij", 50);
        plane.Exporter.Pods = [.. plane.Exporter.Pods, ("kube-system", "not-a-model-0", 10)];

        await Eventually.Until(async () =>
        {
            var metrics = await (await _client.GetAsync(Gateway.Url("/metrics"))).Content.ReadAsStringAsync();
            return Counted(metrics, "controlplane_prometheus_polls_total{outcome=\"succeeded\"}") > 0
                && Counted(metrics, "controlplane_signals_total{stream=\"gpu\",outcome=\"accepted\",source=\"prometheus\"}") > 0
                && Counted(metrics, "controlplane_signals_total{stream=\"gpu\",outcome=\"rejected\",source=\"prometheus\"}") > 0;
        }, Deadline, "polls and accepted and rejected Prometheus samples counted in /metrics");
    }

    private static double Counted(string metrics, string series)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
