using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Prometheus;

/// <summary>Makes the plane do what its metrics count, then reads <c>/metrics</c>.</summary>
public static class MetricsActivity
{
    /// <summary>A registration, REST samples accepted and rejected, a committed scale-up and a spec the policy denies; then the exposition.</summary>
    public static async Task<string> ExpositionAfterActivityAsync(PrometheusPlane plane)
    {
        ArgumentNullException.ThrowIfNull(plane);
        var client = plane.Client;
        var model = await client.RegisterModelAsync();
        await client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 98), Bodies.GpuSample("nobody/ghost", 50));
        await client.CommittedDecisionAsync(model, "scale");
        var tooBig = Bodies.Model(model.Cluster, model.Budget);
        tooBig["gpusPerReplica"] = 3; // the seeded policy allows at most 2
        using (var denied = await client.PutAsync($"/api/v1/models/{model.Namespace}/{Gateway.UniqueName("big")}", tooBig))
            Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, denied.StatusCode);
        using var response = await client.GetAsync(Gateway.Url("/metrics"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
