using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>One API key per role, configured (as hashes) on every test plane; the default client presents the admin key.</summary>
public static class TestKeys
{
    public static readonly string Admin = ApiKeyHash.Generate();
    public static readonly string Operator = ApiKeyHash.Generate();
    public static readonly string Viewer = ApiKeyHash.Generate();

    public static string For(string role) => role switch
    {
        Roles.Admin => Admin,
        Roles.Operator => Operator,
        Roles.Viewer => Viewer,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no test key for that role"),
    };

    /// <summary>The settings that make the plane accept the three keys.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings() => Roles.All.SelectMany((role, i) => new[]
    {
        KeyValuePair.Create($"ControlPlane:Auth:ApiKeys:{i}:Name", $"test-{role}"),
        KeyValuePair.Create($"ControlPlane:Auth:ApiKeys:{i}:Role", role),
        KeyValuePair.Create($"ControlPlane:Auth:ApiKeys:{i}:Sha256", ApiKeyHash.Sha256Hex(For(role))),
    });
}
