namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>One running control plane shared by the gateway test classes; each test uses its own names.</summary>
public sealed class GatewayHost : RunningPlane;

/// <summary>The test classes that share one <see cref="GatewayHost"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedGateway : ICollectionFixture<GatewayHost>
{
    public const string Name = "gateway";
}
