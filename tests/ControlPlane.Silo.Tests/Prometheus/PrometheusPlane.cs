using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Prometheus;

/// <summary>
/// A DCGM exporter stub, a real Prometheus scraping it every second, and a plane whose poller asks that
/// Prometheus every 200 ms with the default query and label mapping.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class PrometheusPlane : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private ControlPlaneFactory? _factory;

    public DcgmExporterStub Exporter { get; private set; } = null!;

    public PrometheusServer Prometheus { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Exporter = await DcgmExporterStub.StartAsync();
        Prometheus = await PrometheusServer.StartAsync(Exporter.Target);
        _factory = new ControlPlaneFactory(_data.Path, new Dictionary<string, string>
        {
            ["ControlPlane:Prometheus:Url"] = Prometheus.Url,
            ["ControlPlane:Prometheus:Interval"] = "00:00:00.200",
        });
        Client = await _factory.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (Prometheus is not null) await Prometheus.DisposeAsync();
        if (Exporter is not null) await Exporter.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>The test classes that share one <see cref="PrometheusPlane"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPrometheus : ICollectionFixture<PrometheusPlane>
{
    public const string Name = "prometheus";
}
