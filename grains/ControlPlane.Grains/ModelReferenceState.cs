namespace ControlPlane.Grains;

/// <summary>
/// The candidate version's reference distributions, kept apart from <see cref="ModelState"/> because
/// they are large and change only when a version is proposed.
/// </summary>
[GenerateSerializer]
public sealed record ModelReferenceState
{
    [Id(0)] public string? Version { get; init; }
    [Id(1)] public Dictionary<string, FeatureReference> Features { get; init; } = [];
}
