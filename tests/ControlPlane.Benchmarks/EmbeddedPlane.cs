using System.Net;
using System.Net.Sockets;
using ControlPlane.Silo.Api;
using ControlPlane.Silo.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ControlPlane.Silo.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ControlPlane.Benchmarks;

/// <summary>The embedded control plane, as `dotnet run` starts it, on a temp data directory and free ports.</summary>
public sealed class EmbeddedPlane : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string DataDirectory { get; }
    public Uri BaseAddress { get; }

    private EmbeddedPlane(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        _app = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    /// <summary>The admin key of every bench plane; it lives as long as the plane's temporary data directory.</summary>
    private static readonly string Key = ApiKeyHash.Generate();

    /// <summary>The plane's own grain factory, for set-up faster than the REST API.</summary>
    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A client of the gateway that presents the admin key.</summary>
    public HttpClient CreateClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, Key);
        return http;
    }

    public static async Task<EmbeddedPlane> StartAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "controlplane-bench-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ControlPlane:DataDirectory"] = data,
            ["ControlPlane:Silo:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ControlPlane:Silo:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["ControlPlane:Auth:ApiKeys:0:Name"] = "bench",
            ["ControlPlane:Auth:ApiKeys:0:Role"] = "admin",
            ["ControlPlane:Auth:ApiKeys:0:Sha256"] = ApiKeyHash.Sha256Hex(Key),
            // The driver measures the plane, not the limiter.
            ["ControlPlane:Auth:RateLimit:PermitsPerSecond"] = "1000000",
            ["ControlPlane:Auth:RateLimit:Burst"] = "1000000",
        });
        builder.AddControlPlane();
        var app = builder.Build();
        app.MapControlPlane();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmbeddedPlane(app, data, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
