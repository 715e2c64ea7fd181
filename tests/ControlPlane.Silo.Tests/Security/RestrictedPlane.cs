using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>A plane with tight limits: a slow token bucket, small signal bodies, metrics behind the viewer role, a keys file.</summary>
public sealed class RestrictedPlane() : RunningPlane(Settings())
{
    /// <summary>A client presenting <paramref name="key"/>.</summary>
    public HttpClient ClientWith(string key)
    {
        var client = Factory.CreateClient(null);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key);
        return client;
    }

    public const int Burst = 3;
    public const int MaxBatchBytes = 2048;
    public static readonly string FileKey = ApiKeyHash.Generate();

    /// <summary>Keys of their own for the tests that exhaust a bucket, so no other test meets an empty one.</summary>
    public static readonly string LimitedKey = ApiKeyHash.Generate();
    public static readonly string NoisyKey = ApiKeyHash.Generate();

    private static readonly string KeysFile = Path.Combine(Path.GetTempPath(), $"controlplane-keys-{Guid.NewGuid():N}");

    private static Dictionary<string, string> Settings()
    {
        File.WriteAllText(KeysFile, $"# mounted secret\nfrom-file viewer {ApiKeyHash.Sha256Hex(FileKey)}\n" +
            $"limited viewer {ApiKeyHash.Sha256Hex(LimitedKey)}\nnoisy viewer {ApiKeyHash.Sha256Hex(NoisyKey)}\n");
        return new()
        {
            ["ControlPlane:Auth:RateLimit:PermitsPerSecond"] = "1",
            ["ControlPlane:Auth:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ControlPlane:Auth:ProtectMetrics"] = "true",
            ["ControlPlane:Auth:ApiKeysFile"] = KeysFile,
            ["ControlPlane:Signals:MaxBatchBytes"] = MaxBatchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
