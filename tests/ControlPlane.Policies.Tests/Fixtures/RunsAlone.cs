namespace ControlPlane.Policies.Tests.Fixtures;

/// <summary>A test collection that runs with no other test beside it, for timings: the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
