using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>A control plane of its own for the fuzz, so that its repository holds only what the fuzz wrote.</summary>
public sealed class FuzzedPlane : RunningPlane;
