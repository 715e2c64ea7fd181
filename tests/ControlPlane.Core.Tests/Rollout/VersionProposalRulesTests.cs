using ControlPlane.Core.Rollout;

namespace ControlPlane.Core.Tests.Rollout;

public class VersionProposalRulesTests
{
    private static readonly VersionProposal Good = new("1.5.0", "registry.example.com/risk/fraud-mm:1.5.0", "AR-2026-0200",
        new() { ["amount"] = new FeatureReference(Values: [1, 2, 3]), ["country"] = new FeatureReference(Counts: new() { ["de"] = 3 }) });

    public static TheoryData<VersionProposal, string> Bad() => new()
    {
        { Good with { AlignmentReportId = "" }, "alignmentReportId is required" },
        { Good with { AlignmentReportId = "a\nb" }, "alignmentReportId 'a?b' is not an identifier" },
        { Good with { AlignmentReportId = "AR-1\nkind: Secret" }, "a line feed (U+000A) at index 4" },
        { Good with { AlignmentReportId = "AR 2026" }, "whitespace (U+0020) at index 2" },
        { Good with { AlignmentReportId = "AR-2026\u2028" }, "a line separator (U+2028) at index 7" },
        { Good with { AlignmentReportId = "-AR" }, "starting with a letter or digit" },
        { Good with { AlignmentReportId = new string('A', 129) }, "it is 129 characters long" },
        { Good with { Image = "registry.example.com/risk/fraud-mm:1.5.0\u0085" }, "(U+0085) at index 40" },
        { Good with { Version = "1.5.0\u007F" }, "a delete character (DEL) (U+007F) at index 5" },
        { Good with { Version = "1.5.0+meta" }, "version" },
        { Good with { Image = "Not An Image" }, "image" },
        { Good with { Reference = new() { ["amount"] = new FeatureReference() } }, "either values or counts" },
        { Good with { Reference = new() { ["amount"] = new FeatureReference([1], new() { ["a"] = 1 }) } }, "both values and counts" },
        { Good with { Reference = new() { ["amount"] = new FeatureReference(Values: []) } }, "values is empty" },
        { Good with { Reference = new() { ["amount"] = new FeatureReference(Values: [1, double.NaN]) } }, "values[1] is not a finite number" },
        { Good with { Reference = new() { ["c"] = new FeatureReference(Counts: new() { ["a"] = -1 }) } }, "negative" },
        { Good with { Reference = new() { ["c"] = new FeatureReference(Counts: new() { ["a"] = 0 }) } }, "all zero" },
        // Found by the fuzz: the sum of such counts overflowed and the gateway answered 500.
        { Good with { Reference = new() { ["c"] = new FeatureReference(Counts: new() { ["a"] = 10, ["b"] = long.MaxValue }) } }, "larger than" },
        { Good with { Reference = new() { [""] = new FeatureReference(Values: [1]) } }, "reference feature" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_BadProposal_SaysWhy(VersionProposal proposal, string expected)
    {
        Assert.Contains(VersionProposalRules.Validate(proposal), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GoodProposal_HasNoErrors() => Assert.Empty(VersionProposalRules.Validate(Good));

    [Theory]
    [InlineData("2026-01-17", "AR-2026-0200")]
    [InlineData("1.4.2", "urn:ar:2026/0200")]
    [InlineData("v2", "A")]
    public void Validate_VersionAndReportTokens_AreAccepted(string version, string report) =>
        Assert.Empty(VersionProposalRules.Validate(Good with { Version = version, Image = $"registry.example.com/risk/fraud-mm:{version}", AlignmentReportId = report }));

    [Fact]
    public void Conflict_RolloutInProgress_IsRefused() =>
        Assert.Contains("still being rolled out", VersionProposalRules.Conflict(Good, "1.4.2", "1.4.9", new Dictionary<string, FailedVersion>()), StringComparison.Ordinal);

    [Fact]
    public void Conflict_SameAsStable_IsRefused() =>
        Assert.Contains("already the stable", VersionProposalRules.Conflict(Good with { Version = "1.4.2" }, "1.4.2", null, new Dictionary<string, FailedVersion>()), StringComparison.Ordinal);

    [Fact]
    public void Conflict_FailedVersionWithSameReport_IsRefusedButANewReportIsAccepted()
    {
        var failed = new Dictionary<string, FailedVersion> { ["1.5.0"] = new("1.5.0", "AR-2026-0200", "psi breach", DateTimeOffset.UnixEpoch) };

        Assert.Contains("new alignment report", VersionProposalRules.Conflict(Good, "1.4.2", null, failed), StringComparison.Ordinal);
        Assert.Null(VersionProposalRules.Conflict(Good with { AlignmentReportId = "AR-2026-0201" }, "1.4.2", null, failed));
    }
}
