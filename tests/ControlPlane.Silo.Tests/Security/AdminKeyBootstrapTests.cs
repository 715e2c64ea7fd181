using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>The embedded default with no key configured: an admin key on the first start, printed once, stored as a hash.</summary>
public sealed partial class AdminKeyBootstrapTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task FirstStart_NoKeyConfigured_PrintsAnAdminKeyOnceAndStoresOnlyItsHash()
    {
        var firstOutput = new StringWriter();
        string key;
        await using (var first = Plane(firstOutput))
        {
            using var anonymous = await first.StartAsync(role: null);
            key = Assert.Single(PrintedKey().Matches(firstOutput.ToString()).Select(m => m.Value).Distinct());
            using var admin = WithKey(first, key);
            Assert.Equal(HttpStatusCode.OK, await admin.StatusAsync("/api/v1/keys"));
        }

        var secondOutput = new StringWriter();
        await using var second = Plane(secondOutput);
        using var _ = await second.StartAsync(role: null);
        using var again = WithKey(second, key);

        Assert.Equal(HttpStatusCode.OK, await again.StatusAsync("/api/v1/keys"));
        Assert.Empty(secondOutput.ToString());
        var stored = Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains("gitops.git", StringComparison.Ordinal));
        Assert.All(stored, file => Assert.DoesNotContain(key, Encoding.Latin1.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstStart_KeysConfigured_PrintsNothing()
    {
        var output = new StringWriter();
        await using var plane = new ControlPlaneFactory(_data.Path, services: Capture(output));

        using var _ = await plane.StartAsync();

        Assert.Empty(output.ToString());
    }

    private ControlPlaneFactory Plane(StringWriter output) => new(_data.Path, services: Capture(output), testKeys: false);

    private static Action<IServiceCollection> Capture(StringWriter output) => services => services.AddSingleton(new AdminKeyConsole(output));

    private static HttpClient WithKey(ControlPlaneFactory plane, string key)
    {
        var client = plane.CreateClient(null);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    [GeneratedRegex("cpk_[A-Za-z0-9_-]{43}")]
    private static partial Regex PrintedKey();
}
