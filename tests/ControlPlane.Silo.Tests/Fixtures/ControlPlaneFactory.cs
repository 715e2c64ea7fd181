using System.Net;
using ControlPlane.Silo.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>
/// The real host (Orleans silo + gateway) on a data directory of the test's choosing, with its own
/// free silo ports; <paramref name="settings"/> override configuration keys, <paramref name="services"/> adds to the services last.
/// It accepts the <see cref="TestKeys"/> unless <paramref name="testKeys"/> is false.
/// </summary>
public sealed class ControlPlaneFactory(
    string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, bool testKeys = true)
    : WebApplicationFactory<Program>
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly (int Silo, int Gateway) _ports = FreePorts.Pair();

    public string DataDirectory { get; } = dataDirectory;

    public string RepositoryPath => Path.Combine(DataDirectory, "gitops.git");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // What `dotnet run` and a container run: no launch profile, so Production (not the factory's default Development).
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting("ControlPlane:DataDirectory", DataDirectory);
        builder.UseSetting("ControlPlane:Silo:SiloPort", _ports.Silo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ControlPlane:Silo:GatewayPort", _ports.Gateway.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ControlPlane:Models:CommitRetryDelay", "00:00:00.100");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (testKeys) foreach (var (key, value) in TestKeys.Settings()) builder.UseSetting(key, value);
        // Test classes share a plane and its admin key; only the rate-limit tests ask for a low limit.
        builder.UseSetting("ControlPlane:Auth:RateLimit:PermitsPerSecond", "1000000");
        builder.UseSetting("ControlPlane:Auth:RateLimit:Burst", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>A client that presents the test key of <paramref name="role"/>, or no key when null.</summary>
    public HttpClient CreateClient(string? role)
    {
        var client = CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, TestKeys.For(role));
        return client;
    }

    /// <summary>Starts the host and returns a client (an admin's by default) once <c>/readyz</c> answers 200.</summary>
    public async Task<HttpClient> StartAsync(string? role = Roles.Admin)
    {
        var client = CreateClient(role);
        await Eventually.Until(async () => await client.StatusAsync("/readyz") == HttpStatusCode.OK, StartTimeout, "/readyz returning 200");
        return client;
    }
}
