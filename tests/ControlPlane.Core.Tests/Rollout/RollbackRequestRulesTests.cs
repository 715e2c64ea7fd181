using ControlPlane.Core.Fields;
using ControlPlane.Core.Rollout;

namespace ControlPlane.Core.Tests.Rollout;

public class RollbackRequestRulesTests
{
    public static TheoryData<RollbackRequest> Good() =>
    [
        new("p99 latency doubled"),
        new("über-langsam 😀 (INC-42)", "1.4.2"),
        new(new string('x', 1000), "2026-01-17"),
    ];

    [Theory]
    [MemberData(nameof(Good))]
    public void Validate_OneLineReasonAndLabelVersion_HasNoErrors(RollbackRequest request) => Assert.Empty(RollbackRequestRules.Validate(request));

    public static TheoryData<RollbackRequest, string> Bad() => new()
    {
        { new(""), "reason is required: every rollback says why" },
        { new(" \n "), "reason is required" },
        { new("slow\n\nDecision-Kind: promote"), "a line feed (U+000A) at index 4" },
        { new("slow\r"), "a carriage return (U+000D) at index 4" },
        { new("slow\u2028"), "a line separator (U+2028) at index 4" },
        { new("slow\tdown"), "a tab (U+0009) at index 4" },
        { new("slow\u0085down"), "(U+0085) at index 4" },
        { new("slow\u007F"), "(U+007F) at index 4" },
        { new("slow\u0090"), "a C1 control character (U+0090) at index 4" },
        { new("slow\uFFFE"), "a noncharacter (U+FFFE) at index 4" },
        { new("slow\uDBFF"), "a lone surrogate (U+DBFF) at index 4" },
        { new("slow "), "it starts or ends with whitespace" },
        { new(new string('x', 1001)), "it is 1001 characters long" },
        { new("slow", "1.4.2\n"), "toVersion '1.4.2?' is not a Kubernetes label value" },
        { new("slow", ""), "toVersion '' is not a Kubernetes label value" },
        { new("slow", "1.0+x"), "'+' (U+002B) at index 3" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_BadRequest_SaysWhyAndTheRule(RollbackRequest request, string expected)
    {
        var error = Assert.Single(RollbackRequestRules.Validate(request));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.True(error.Contains(FieldRules.Reason.Statement, StringComparison.Ordinal) || error.Contains(FieldRules.Version.Statement, StringComparison.Ordinal),
            $"the refusal does not state the rule: {error}");
    }

    [Fact]
    public void Validate_BadReasonAndVersion_ListsBoth() =>
        Assert.Equal(2, RollbackRequestRules.Validate(new RollbackRequest("a\nb", "x y")).Count);
}
