namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>A control plane started once for a fixture, on its own data directory (deleted afterwards) and ports.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public abstract class RunningPlane(IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private ControlPlaneFactory? _factory;

    public HttpClient Client { get; private set; } = null!;

    public ControlPlaneFactory Factory => _factory ?? throw new InvalidOperationException("the plane has not started.");

    public async Task InitializeAsync()
    {
        _factory = new ControlPlaneFactory(_data.Path, settings);
        Client = await _factory.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        _data.Dispose();
    }
}
