using ControlPlane.Core.Fields;

namespace ControlPlane.Core.Tests.Fields;

public class FieldRulesTests
{
    /// <summary>A value each field accepts, by the field's name in <see cref="FieldRules.All"/>.</summary>
    private static readonly Dictionary<string, string> Valid = new(StringComparer.Ordinal)
    {
        ["alignmentReportId"] = "AR-2026-0117",
        ["version"] = "1.4.2",
        ["image"] = "registry.example.com/risk/fraud-mm:1.4.2",
        ["reason"] = "p99 latency doubled",
        ["annotations"] = "owned by team risk",
        ["requestedBy"] = "oidc/alice",
        ["ControlPlane:Git:AuthorName"] = "ControlPlane",
        ["ControlPlane:Git:AuthorEmail"] = "controlplane@localhost",
    };

    /// <summary>Characters YAML or kustomize refuse, or that would break a line of a manifest or a commit.</summary>
    private static readonly int[] Forbidden = [0x0000, 0x0007, 0x001B, 0x000D, 0x0085, 0x2028, 0x2029, 0x007F, 0x0080, 0x009B, 0xFFFE, 0xFFFF, 0xD800, 0xDC00];

    /// <summary>Characters as code units: xUnit passes an unpaired surrogate in a string on as U+FFFD.</summary>
    public static TheoryData<string, int> EveryFieldWithEveryForbiddenCharacter()
    {
        var data = new TheoryData<string, int>();
        foreach (var field in FieldRules.All.Keys)
            foreach (var character in Forbidden) data.Add(field, character);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFieldWithEveryForbiddenCharacter))]
    public void Check_ForbiddenCharacter_IsRefusedNamingItAndTheRule(string field, int codeUnit)
    {
        var rule = FieldRules.All[field];

        var refusal = rule.Check(field, Valid[field].Insert(2, ((char)codeUnit).ToString()));

        Assert.NotNull(refusal);
        Assert.Contains($"(U+{codeUnit:X4}) at index 2", refusal, StringComparison.Ordinal);
        Assert.Contains(rule.Statement, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ValidExampleOfEveryField_IsAccepted()
    {
        Assert.All(FieldRules.All, f => Assert.Null(f.Value.Check(f.Key, Valid[f.Key])));
        Assert.Equal(FieldRules.All.Keys.Order(StringComparer.Ordinal), Valid.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("alignmentReportId", "\n")]
    [InlineData("alignmentReportId", "\t")]
    [InlineData("version", "\n")]
    [InlineData("image", "\t")]
    [InlineData("reason", "\n")]
    [InlineData("reason", "\t")]
    [InlineData("requestedBy", "\n")]
    [InlineData("requestedBy", "\t")]
    public void Check_LineFeedOrTabInAOneLineField_IsRefused(string field, string character) =>
        Assert.NotNull(FieldRules.All[field].Check(field, Valid[field].Insert(2, character)));

    [Fact]
    public void Check_RefusalWithHostileValue_IsItselfOneLineOfPrintableText()
    {
        var refusal = FieldRules.Reason.Check("reason", "a\u2028b\uFFFEc\u0085d\nDecision-Id: x");

        Assert.NotNull(refusal);
        Assert.Null(PrintableText.FirstFault(refusal, TextLayout.Line));
    }

    public static TheoryData<string> GoodAlignmentReportIds() =>
        ["AR-2026-0117", "A", "0", "ar.2026_01:x/y-z", "urn:report:2026/0117", "AR-", new string('a', 128)];

    [Theory]
    [MemberData(nameof(GoodAlignmentReportIds))]
    public void AlignmentReportId_Token_IsAccepted(string id) => Assert.Null(FieldRules.AlignmentReportId.Check("alignmentReportId", id));

    public static TheoryData<string?, string> BadAlignmentReportIds() => new()
    {
        { null, "alignmentReportId is required" },
        { "", "alignmentReportId is required" },
        { "   ", "alignmentReportId is required" },
        { "AR-1\nkind: Secret", "a line feed (U+000A) at index 4" },
        { "AR 1", "whitespace (U+0020) at index 2" },
        { "AR-1\t", "a tab (U+0009) at index 4" },
        { "AR#1", "'#' (U+0023) at index 2" },
        { "ÄR-1", "'Ä' (U+00C4) at index 0" },
        { "AR-😀", "'😀' (U+1F600) at index 3" },
        { "-AR-1", "is not an identifier" },
        { ".AR", "is not an identifier" },
        { "/etc", "is not an identifier" },
        { new string('a', 129), "it is 129 characters long" },
    };

    [Theory]
    [MemberData(nameof(BadAlignmentReportIds))]
    public void AlignmentReportId_NotAToken_IsRefusedWithTheRule(string? id, string expected)
    {
        var refusal = FieldRules.AlignmentReportId.Check("alignmentReportId", id);

        Assert.NotNull(refusal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
        Assert.Contains("1-128 letters, digits, '.', '_', ':', '/' or '-', starting with a letter or digit", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.4.2")]
    [InlineData("2026-01-17")]
    [InlineData("v1")]
    [InlineData("1.4.2-rc.1")]
    [InlineData("1_000")]
    [InlineData("0")]
    public void Version_LabelValue_IsAccepted(string version) => Assert.Null(FieldRules.Version.Check("version", version));

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("1.0+build", "'+' (U+002B) at index 3")]
    [InlineData("1.4.2\n", "a line feed (U+000A) at index 5")]
    [InlineData("1.4 2", "whitespace (U+0020) at index 3")]
    [InlineData("-1.4", "Kubernetes label value")]
    [InlineData("1.4.", "Kubernetes label value")]
    [InlineData("1.4.٢", "'٢' (U+0662) at index 4")]
    public void Version_NotALabelValue_IsRefusedWithTheRule(string version, string expected) =>
        Assert.Contains(expected, FieldRules.Version.Check("version", version), StringComparison.Ordinal);

    [Fact]
    public void Version_Of64Characters_IsRefusedSayingItsLength() =>
        Assert.Contains("it is 64 characters long", FieldRules.Version.Check("version", new string('1', 64)), StringComparison.Ordinal);

    [Theory]
    [InlineData("nginx")]
    [InlineData("nginx:1.27")]
    [InlineData("registry.example.com:5000/risk/fraud-mm:1.4.2")]
    [InlineData("Registry.Example.com/risk/fraud-mm:V1_x")]
    [InlineData("ghcr.io/org/model@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Image_Reference_IsAccepted(string image) => Assert.Null(FieldRules.Image.Check("image", image));

    [Theory]
    [InlineData("nginx:1.27é", "'é' (U+00E9) at index 10")]
    [InlineData("nginx:1.٢٧", "'٢' (U+0662) at index 8")]
    [InlineData("registry.example.com/Risk/x:1", "valid image reference")]
    [InlineData("registry.example.com/risk/x:1\nkind: Secret", "a line feed (U+000A) at index 29")]
    [InlineData("registry.example.com/risk/x:1 # c", "whitespace (U+0020) at index 29")]
    [InlineData("", "it is empty")]
    public void Image_NotAnAsciiReference_IsRefusedWithTheRule(string image, string expected)
    {
        var refusal = FieldRules.Image.Check("image", image);

        Assert.Contains(expected, refusal, StringComparison.Ordinal);
        Assert.Contains("image '", refusal, StringComparison.Ordinal);
    }

    public static TheoryData<string> GoodReasons() =>
        ["p99 latency doubled", "über-langsam 😀: rollback; see INC-42 (on-call)", "a\u00A0b", "x", new string('x', 1000)];

    [Theory]
    [MemberData(nameof(GoodReasons))]
    public void Reason_OneLineOfPrintableText_IsAccepted(string reason) => Assert.Null(FieldRules.Reason.Check("reason", reason));

    [Theory]
    [InlineData("", "reason is required: every rollback says why")]
    [InlineData("   ", "reason is required")]
    [InlineData("\n", "reason is required")]
    [InlineData("slow\n\nDecision-Kind: promote", "a line feed (U+000A) at index 4")]
    [InlineData("slow\r\n", "a carriage return (U+000D) at index 4")]
    [InlineData("slow\tmodel", "a tab (U+0009) at index 4")]
    [InlineData("\u001B[31mred", "a control character (U+001B) at index 0")]
    [InlineData(" slow", "it starts or ends with whitespace")]
    [InlineData("slow\u00A0", "it starts or ends with whitespace")]
    public void Reason_NotOneLineOfPrintableText_IsRefusedWithTheRule(string reason, string expected)
    {
        var refusal = FieldRules.Reason.Check("reason", reason);

        Assert.Contains(expected, refusal, StringComparison.Ordinal);
        Assert.Contains("one line of printable text of 1-1000 characters", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_Of1001Characters_IsRefusedSayingItsLength() =>
        Assert.Contains("it is 1001 characters long", FieldRules.Reason.Check("reason", new string('x', 1001)), StringComparison.Ordinal);

    public static TheoryData<string> GoodAnnotationValues() =>
        ["", "owned by team risk", "line one\nline two\n", "col\tcol", "  padded\t", "{\"a\": [1, 2]}", "😀 ß İ", "\uFEFFx", "a\u200Bb"];

    [Theory]
    [MemberData(nameof(GoodAnnotationValues))]
    public void AnnotationValue_PrintableTextWithLineFeedsAndTabs_IsAccepted(string value) =>
        Assert.Null(FieldRules.AnnotationValue.Check("annotations['note']", value));

    [Theory]
    [InlineData("a\r\nb", "a carriage return (U+000D) at index 1")]
    [InlineData("a\u0085b", "a next-line character (NEL) (U+0085) at index 1")]
    [InlineData("a\u2028b", "a line separator (U+2028) at index 1")]
    [InlineData("\u001B[31m", "a control character (U+001B) at index 0")]
    [InlineData("x\u007F", "a delete character (DEL) (U+007F) at index 1")]
    public void AnnotationValue_CharacterYamlReadersDisagreeOnOrRefuse_IsRefusedWithTheRule(string value, string expected)
    {
        var refusal = FieldRules.AnnotationValue.Check("annotations['note']", value);

        Assert.Contains(expected, refusal, StringComparison.Ordinal);
        Assert.StartsWith("annotations['note'] '", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key/ci")]
    [InlineData("oidc/alice@example.com")]
    [InlineData("oidc/josé")]
    [InlineData("oidc/auth0|5f2b9c")]
    public void Requester_NameWithoutWhitespace_IsAccepted(string name) => Assert.Null(FieldRules.Requester.Check("requester", name));

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("oidc/alice smith", "whitespace (U+0020) at index 10")]
    [InlineData("oidc/mallory\nDecision-Id: x", "a line feed (U+000A) at index 12")]
    public void Requester_NameWithWhitespaceOrControls_IsRefusedWithTheRule(string name, string expected)
    {
        var refusal = FieldRules.Requester.Check("requester", name);

        Assert.Contains(expected, refusal, StringComparison.Ordinal);
        Assert.Contains("1-128 printable characters without whitespace", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Requester_Of129Characters_IsRefusedSayingItsLength() =>
        Assert.Contains("it is 129 characters long", FieldRules.Requester.Check("requester", new string('a', 129)), StringComparison.Ordinal);

    [Theory]
    [InlineData("ControlPlane")]
    [InlineData("Ctrl Plane (prod-eu)")]
    [InlineData("Zoë 😀")]
    public void GitAuthorName_OneLineWithoutAngleBrackets_IsAccepted(string name) =>
        Assert.Null(FieldRules.GitAuthorName.Check("ControlPlane:Git:AuthorName", name));

    [Theory]
    [InlineData("Control\nPlane", "a line feed (U+000A) at index 7")]
    [InlineData("Control <x@y>", "without '<' or '>'")]
    [InlineData(" ControlPlane", "it starts or ends with whitespace")]
    [InlineData("", "it is empty")]
    public void GitAuthorName_NotFitForACommitHeader_IsRefusedWithTheRule(string name, string expected) =>
        Assert.Contains(expected, FieldRules.GitAuthorName.Check("ControlPlane:Git:AuthorName", name), StringComparison.Ordinal);

    [Theory]
    [InlineData("controlplane@localhost", null)]
    [InlineData("bot+gitops@example.com", null)]
    [InlineData("a@b\nkind: x", "a line feed (U+000A) at index 3")]
    [InlineData("a b@example.com", "whitespace (U+0020) at index 1")]
    [InlineData("a>@example.com", "an e-mail address")]
    [InlineData("no-at-sign", "an e-mail address")]
    public void GitAuthorEmail_Address_IsCheckedForACommitHeader(string email, string? expected)
    {
        var refusal = FieldRules.GitAuthorEmail.Check("ControlPlane:Git:AuthorEmail", email);

        if (expected is null) Assert.Null(refusal);
        else Assert.Contains(expected, refusal, StringComparison.Ordinal);
    }
}
