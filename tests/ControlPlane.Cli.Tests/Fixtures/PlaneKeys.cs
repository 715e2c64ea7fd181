using ControlPlane.Silo.Security;

namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>The keys the test plane accepts (as hashes): an admin's and a viewer's.</summary>
public static class PlaneKeys
{
    public static readonly string Admin = ApiKeyHash.Generate();
    public static readonly string Viewer = ApiKeyHash.Generate();

    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("ControlPlane:Auth:ApiKeys:0:Name", "cli-admin"),
        new("ControlPlane:Auth:ApiKeys:0:Role", Roles.Admin),
        new("ControlPlane:Auth:ApiKeys:0:Sha256", ApiKeyHash.Sha256Hex(Admin)),
        new("ControlPlane:Auth:ApiKeys:1:Name", "cli-viewer"),
        new("ControlPlane:Auth:ApiKeys:1:Role", Roles.Viewer),
        new("ControlPlane:Auth:ApiKeys:1:Sha256", ApiKeyHash.Sha256Hex(Viewer)),
    ];
}
