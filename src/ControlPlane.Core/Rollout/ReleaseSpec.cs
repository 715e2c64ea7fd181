using ControlPlane.Core.Models;

namespace ControlPlane.Core.Rollout;

/// <summary>Moves a spec between releases: image, version and the alignment report travel together.</summary>
public static class ReleaseSpec
{
    public static ModelSpec Apply(ModelSpec spec, Release release)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(release);
        var annotations = new Dictionary<string, string>(spec.AnnotationsOrEmpty) { [ModelSpec.AlignmentReportAnnotation] = release.AlignmentReportId };
        return spec with { Image = release.Image, Version = release.Version, Annotations = annotations };
    }

    public static Release Of(ModelSpec spec, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Release(spec.Version, spec.Image, spec.AnnotationsOrEmpty.GetValueOrDefault(ModelSpec.AlignmentReportAnnotation, ""), at);
    }

    /// <summary>Appends a release, replacing an older entry of the same version, keeping the newest <paramref name="capacity"/>.</summary>
    public static IReadOnlyList<Release> Remember(IReadOnlyList<Release> releases, Release release, int capacity = 20)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var kept = releases.Where(r => r.Version != release.Version).Append(release).ToList();
        return kept.Count > capacity ? kept[^capacity..] : kept;
    }
}
