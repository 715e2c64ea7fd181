using ControlPlane.Core.Fields;

namespace ControlPlane.Core.Rollout;

/// <summary>Checks a version proposal: its form on its own, then against the model's history.</summary>
public static class VersionProposalRules
{
    public static List<string> Validate(VersionProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var errors = new List<string>();
        // The version, image and report become the spec's, so the spec's rules apply to them.
        errors.AddRange(new[]
        {
            FieldRules.AlignmentReportId.Check("alignmentReportId", proposal.AlignmentReportId),
            FieldRules.Image.Check("image", proposal.Image),
            FieldRules.Version.Check("version", proposal.Version),
        }.OfType<string>());
        var reference = proposal.Reference ?? [];
        if (reference.Count > ReferenceRules.MaxFeatures) errors.Add($"reference may describe at most {ReferenceRules.MaxFeatures} features.");
        foreach (var (feature, distribution) in reference)
        {
            if (ReferenceRules.CheckFeatureName("reference feature", feature) is { } bad) errors.Add(bad);
            else if (distribution is null) errors.Add($"reference['{feature}'] is null.");
            else if (ReferenceRules.Check($"reference['{feature}']", distribution) is { } wrong) errors.Add(wrong);
        }
        return errors;
    }

    /// <summary>Null when the proposal may start a rollout now, else why not (a conflict with the model's state).</summary>
    public static string? Conflict(VersionProposal proposal, string stableVersion, string? progressingVersion, IReadOnlyDictionary<string, FailedVersion> failed)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(failed);
        if (progressingVersion is not null)
            return $"version {progressingVersion} is still being rolled out; wait for its promotion or roll it back first.";
        if (proposal.Version == stableVersion)
            return $"version {stableVersion} is already the stable version.";
        if (failed.TryGetValue(proposal.Version, out var failure) && failure.AlignmentReportId == proposal.AlignmentReportId)
            return $"version {proposal.Version} was rolled back at {failure.At:O} ({failure.Reason}); propose it again only with a new alignment report.";
        return null;
    }
}
