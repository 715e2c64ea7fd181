using ControlPlane.Grains;
using ControlPlane.Silo.Hosting;
using ControlPlane.Silo.Prometheus;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Ui;

namespace ControlPlane.Silo.Tests.Hosting;

/// <summary>Settings problems name the configuration key to fix, nested sections included; the defaults have none.</summary>
public sealed class SettingsProblemsTests
{
    public static readonly TheoryData<object, string> Defaults = new()
    {
        { new ControlPlaneOptions(), ControlPlaneOptions.Section },
        { new ClusterHostingOptions(), ClusterHostingOptions.Section },
        { new GitOpsOptions(), GitOpsOptions.Section },
        { new ModelGrainOptions(), ModelGrainOptions.Section },
        { new FinOpsOptions(), FinOpsOptions.Section },
        { new SignalOptions(), SignalOptions.Section },
        { new UiOptions(), UiOptions.Section },
        { new PolicyOptions(), PolicyOptions.Section },
        { new DcgmPollerOptions(), DcgmPollerOptions.Section },
        { new AuthOptions(), AuthOptions.Section },
        { new TracingOptions(), TracingOptions.Section },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Of_Defaults_FindsNothing(object settings, string section) =>
        Assert.Empty(SettingsProblems.Of(settings, section));

    [Fact]
    public void Of_NestedSettingOutOfRange_NamesItsFullKey()
    {
        var plane = new ControlPlaneOptions { Silo = { SiloPort = 0 } };

        var problem = Assert.Single(SettingsProblems.Of(plane, ControlPlaneOptions.Section));

        Assert.Equal("The field ControlPlane:Silo:SiloPort must be between 1 and 65535.", problem);
    }

    [Fact]
    public void Of_RateLimitOutOfRange_NamesTheOneSetting()
    {
        var auth = new AuthOptions { RateLimit = { PermitsPerSecond = 10_000_000 } };

        var problem = Assert.Single(SettingsProblems.Of(auth, AuthOptions.Section));

        Assert.Equal("The field ControlPlane:Auth:RateLimit:PermitsPerSecond must be between 1 and 1000000.", problem);
    }
}
