using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Api;
using ControlPlane.Silo.Hosting;
using ControlPlane.Silo.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>
/// The real plane, as <c>dotnet run</c> starts it, listening with Kestrel on a loopback port (cpctl makes real HTTP calls),
/// on a temp data directory, seeded with the cluster, budget and model the tests read.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class CliPlane : IAsyncLifetime
{
    public const string Cluster = "prod-eu";
    public const string Budget = "team-risk";
    public const string Model = "risk/fraud-mm";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "controlplane-cli-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public Uri Server { get; private set; } = null!;

    /// <summary>An admin's client of the gateway, for arranging what a test then reads with cpctl.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (silo, gateway) = LoopbackPorts.FreePair();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ControlPlane:DataDirectory"] = _data,
            ["ControlPlane:Silo:SiloPort"] = silo.ToString(CultureInfo.InvariantCulture),
            ["ControlPlane:Silo:GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["ControlPlane:Auth:RateLimit:PermitsPerSecond"] = "1000000",
            ["ControlPlane:Auth:RateLimit:Burst"] = "1000000",
        }.Concat(PlaneKeys.Settings()));
        builder.AddControlPlane();
        _app = builder.Build();
        _app.MapControlPlane();
        await _app.StartAsync();
        Server = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Admin = new HttpClient { BaseAddress = Server };
        Admin.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, PlaneKeys.Admin);
        await PutAsync($"/api/v1/clusters/{Cluster}", Bodies.Cluster());
        await PutAsync($"/api/v1/budgets/{Budget}", Bodies.Budget());
        await PutAsync($"/api/v1/models/{Model}", Bodies.Model("1.4.2"));
    }

    /// <summary>PUT <paramref name="body"/> as an admin; fails the test unless the plane accepts it.</summary>
    public async Task PutAsync(string path, JsonNode body)
    {
        using var response = await Admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task PostAsync(string path, JsonNode body)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (!Directory.Exists(_data)) return;
        // Git writes its objects read-only; clear that so deletion works everywhere.
        foreach (var file in Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(_data, recursive: true);
    }
}

/// <summary>The test classes that share one <see cref="CliPlane"/>; each arranges its own models where it changes them.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPlane : ICollectionFixture<CliPlane>
{
    public const string Name = "plane";
}
