using System.Net;
using System.Text.Json;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

[Collection(SharedGateway.Name)]
public sealed class HealthApiTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task Healthz_HostRunning_Returns200Ok()
    {
        using var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_SiloAndRepositoryOpen_Returns200()
    {
        using var response = await _client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Host_Configured_KeepsStateInTheConfiguredDataDirectory()
    {
        Assert.True(File.Exists(Path.Combine(host.Factory.DataDirectory, "grains.db")), "grains.db is not in the configured data directory");
        Assert.True(Directory.Exists(host.Factory.RepositoryPath), "gitops.git is not in the configured data directory");
        var status = await _client.GetJsonAsync("/api/v1/gitops");
        Assert.Equal(Path.GetFullPath(host.Factory.RepositoryPath), (string?)status["repository"]);
    }

    [Theory]
    [InlineData("controlplane_decisions_total")]
    [InlineData("controlplane_signals_total")]
    [InlineData("controlplane_git_commit_duration_seconds")]
    public async Task Metrics_AfterADecisionAndASignal_ExposesPlaneMetric(string metric)
    {
        var model = await _client.RegisterModelAsync();
        await _client.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 70));

        using var response = await _client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"# TYPE {metric} ", text, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), line => line.StartsWith(metric, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_AfterARegistration_CountsRegisterDecisions()
    {
        await _client.RegisterModelAsync();

        var text = await (await _client.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Contains(text.Split('\n'), line =>
            line.StartsWith("controlplane_decisions_total{", StringComparison.Ordinal) && line.Contains("kind=\"register\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_Document_IsJsonListingTheModelRoute()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/models/{namespace}/{name}", out var model), "the model route is not documented");
        Assert.True(model.TryGetProperty("put", out _), "PUT of a model is not documented");
        Assert.True(model.TryGetProperty("get", out _), "GET of a model is not documented");
    }
}
