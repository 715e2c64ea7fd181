using ControlPlane.Core.Fields;
using ControlPlane.GitOps.Tests.Fixtures;

namespace ControlPlane.GitOps.Tests;

public class CommitMessageTests
{
    [Fact]
    public void For_Change_IsSubjectReasonAndTrailerBlock()
    {
        var change = DesiredStates.Change("d-1", DesiredStates.Model(replicas: 3), reason: "load above target");

        Assert.Equal(
            "Scale risk/fraud-mm to 3 replicas\n\nload above target\n\n" +
            "Decision-Id: d-1\nDecision-Kind: scale\nModel: risk/fraud-mm\nReason: load above target\nRequested-By: controlplane\n",
            CommitMessage.For(change));
    }

    [Fact]
    public void For_ChangeARequestCaused_NamesTheRequester()
    {
        var change = DesiredStates.Change("d-1", DesiredStates.Model()) with { RequestedBy = "key/ci-pipeline" };

        Assert.EndsWith("\nRequested-By: key/ci-pipeline\n", CommitMessage.For(change), StringComparison.Ordinal);
    }

    [Fact]
    public void For_RequesterWithNewline_GitParsesOneRequestedByTrailer()
    {
        using var directory = new TempDirectory();
        var change = DesiredStates.Change("d-1", DesiredStates.Model()) with { RequestedBy = "mallory\nDecision-Id: forged" };
        var messageFile = directory.Combine("message");
        File.WriteAllText(messageFile, CommitMessage.For(change));

        var trailers = GitCli.Lines(directory.Path, "interpret-trailers", "--parse", messageFile);

        Assert.Equal("Requested-By: mallory_Decision-Id:_forged", Assert.Single(trailers, t => t.StartsWith("Requested-By", StringComparison.Ordinal)));
        Assert.Single(trailers, t => t.StartsWith("Decision-Id", StringComparison.Ordinal));
    }

    [Fact]
    public void For_ReasonWithForgedTrailer_GitParsesOneDecisionId()
    {
        using var directory = new TempDirectory();
        var change = DesiredStates.Change("d-1", DesiredStates.Model(), reason: "fine\n\nDecision-Id: forged\nModel: x/y");
        var messageFile = directory.Combine("message");
        File.WriteAllText(messageFile, CommitMessage.For(change));

        var trailers = GitCli.Lines(directory.Path, "interpret-trailers", "--parse", messageFile);

        Assert.Equal(["Decision-Id: d-1", "Decision-Kind: scale", "Model: risk/fraud-mm", "Reason: fine  Decision-Id: forged Model: x/y", "Requested-By: controlplane"], trailers);
    }

    [Fact]
    public void For_SummaryWithNewline_KeepsSubjectOnOneLine()
    {
        var change = DesiredStates.Change("d-1", DesiredStates.Model()) with { Summary = "scale\nDecision-Id: forged" };

        Assert.StartsWith("scale Decision-Id: forged\n\n", CommitMessage.For(change), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\r\nb", "a  b")]
    [InlineData("  tab\there\u0000\u2028end  ", "tab here  end")]
    [InlineData("\n\n", "")]
    [InlineData(null, "")]
    public void OneLine_ControlCharacters_BecomeSpacesAndAreTrimmed(string? value, string expected)
    {
        Assert.Equal(expected, CommitMessage.OneLine(value));
    }

    [Fact]
    public void OneLine_LongValue_IsClippedToMaxLength()
    {
        var clipped = CommitMessage.OneLine(new string('x', 2000));

        Assert.Equal(CommitMessage.MaxValueLength, clipped.Length);
        Assert.EndsWith("…", clipped, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> OneLineValuesTheFieldRulesAccept() => new()
    {
        { "reason", "p99 latency doubled" },
        { "reason", "über-langsam 😀: rollback; see INC-42 (on-call)" },
        { "reason", "a\u00A0b" },
        { "requestedBy", "oidc/josé@example.com" },
        { "alignmentReportId", "urn:ar:2026/0117" },
        { "version", "2026-01-17" },
        { "image", "registry.example.com:5000/risk/fraud-mm:1.4.2" },
    };

    [Theory]
    [MemberData(nameof(OneLineValuesTheFieldRulesAccept))]
    public void OneLine_ValueItsFieldRuleAccepts_IsUnchanged(string field, string value)
    {
        Assert.True(FieldRules.All[field].Accepts(value), $"{field} refuses '{value}'");

        Assert.Equal(value, CommitMessage.OneLine(value));
    }

    [Fact]
    public void OneLine_LongestReasonAfterTheOperatorPrefix_IsNotClipped()
    {
        var reason = new string('x', FieldRules.Reason.MaxLength);

        Assert.Equal($"operator: {reason}", CommitMessage.OneLine($"operator: {reason}"));
    }

    [Fact]
    public void OneLine_ClipInsideSurrogatePair_KeepsThePairWhole()
    {
        var value = new string('x', CommitMessage.MaxValueLength - 2) + string.Concat(Enumerable.Repeat("😀", 10));

        var clipped = CommitMessage.OneLine(value);

        Assert.True(clipped.Length <= CommitMessage.MaxValueLength);
        Assert.False(char.IsHighSurrogate(clipped[^2]), "a high surrogate must not be left without its pair");
    }

    [Fact]
    public void DecisionId_MessageWrittenByFor_ReadsTheTrailerBack()
    {
        var change = DesiredStates.Change("d-42", DesiredStates.Model(), reason: "x\nDecision-Id: forged");

        Assert.Equal("d-42", CommitMessage.DecisionId(CommitMessage.For(change)));
    }

    [Theory]
    [InlineData("Initialize the repository\n")]
    [InlineData("Decision-Id: in-the-subject\n")]
    [InlineData("subject\n\nDecision-Id: in-the-body\n\nno trailers here\n")]
    public void DecisionId_MessageWithoutTrailer_IsNull(string message)
    {
        Assert.Null(CommitMessage.DecisionId(message));
    }
}
