using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ControlPlane.Silo.Api;
using ControlPlane.Silo.Hosting;
using ControlPlane.Silo.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Ui.Tests.Fixtures;

/// <summary>The plane as `dotnet run` starts it, on Kestrel at a free loopback port, a temp data directory and a known admin key.</summary>
public sealed class EmbeddedPlane : IAsyncDisposable
{
    public const string KeyName = "ui-test";
    public const string CommitUrlTemplate = "https://git.example/org/repo/commit/{sha}";

    private readonly WebApplication _app;

    private EmbeddedPlane(WebApplication app, string dataDirectory, Uri baseAddress, string adminKey)
    {
        _app = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        AdminKey = adminKey;
    }

    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public string AdminKey { get; }

    public HttpClient CreateClient(string? key = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key ?? AdminKey);
        return http;
    }

    public static async Task<EmbeddedPlane> StartAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "controlplane-ui-" + Guid.NewGuid().ToString("N"));
        var key = ApiKeyHash.Generate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ControlPlane:DataDirectory"] = data,
            ["ControlPlane:Silo:SiloPort"] = FreePort(),
            ["ControlPlane:Silo:GatewayPort"] = FreePort(),
            ["ControlPlane:Ui:CommitUrlTemplate"] = CommitUrlTemplate,
            ["Logging:LogLevel:Default"] = "Warning",
            ["ControlPlane:Auth:ApiKeys:0:Name"] = KeyName,
            ["ControlPlane:Auth:ApiKeys:0:Role"] = Roles.Admin,
            ["ControlPlane:Auth:ApiKeys:0:Sha256"] = ApiKeyHash.Sha256Hex(key),
        });
        builder.AddControlPlane();
        var app = builder.Build();
        app.MapControlPlane();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmbeddedPlane(app, data, new Uri(address), key);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
