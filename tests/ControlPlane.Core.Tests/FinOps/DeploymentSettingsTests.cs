using ControlPlane.Core.FinOps;

namespace ControlPlane.Core.Tests.FinOps;

public class DeploymentSettingsTests
{
    [Fact]
    public void ApplyTo_RightsizedSettings_ChangesBoundsAndKeepsCapacityUnnamed()
    {
        var spec = Fixtures.Spec(min: 3, max: 8);
        var settings = DeploymentSettings.Of(spec, 3) with { Replicas = 1, Bounds = new(1, 8) };

        var applied = settings.ApplyTo(spec);

        Assert.Equal(new(1, 8), applied.Replicas);
        Assert.Null(applied.CapacityType);
        Assert.True(applied.IsSameAs(spec with { Replicas = new(1, 8) }));
    }

    [Fact]
    public void ApplyTo_Spot_NamesTheCapacityType()
    {
        var spec = Fixtures.Spec() with { WorkloadClass = "batch" };

        var applied = (DeploymentSettings.Of(spec, 2) with { CapacityType = CapacityType.Spot }).ApplyTo(spec);

        Assert.Equal("spot", applied.CapacityType);
        Assert.Equal(CapacityType.Spot, DeploymentSettings.Of(applied, 2).CapacityType);
    }
}
