using ControlPlane.Core.Decisions;

namespace ControlPlane.Core.Tests.Decisions;

public class RequesterTests
{
    [Theory]
    [InlineData(null, Requester.ControlPlane)]
    [InlineData("  ", Requester.ControlPlane)]
    [InlineData("key/ci", "key/ci")]
    [InlineData("oidc/josé😀", "oidc/josé😀")]
    [InlineData("oidc/alice smith\nDecision-Id: x", "oidc/alice_smith_Decision-Id:_x")]
    [InlineData("oidc/a\u2028b\uFFFEc\u007F", "oidc/a_b_c_")]
    public void Normalize_Principal_IsOnePrintableToken(string? principal, string expected) =>
        Assert.Equal(expected, Requester.Normalize(principal));

    [Fact]
    public void Normalize_LoneSurrogate_IsReplaced() => Assert.Equal("oidc/a_b", Requester.Normalize("oidc/a\uD800b"));

    [Fact]
    public void Normalize_LongPrincipal_IsClipped() =>
        Assert.Equal(Requester.MaxLength, Requester.Normalize(new string('a', 1000)).Length);

    [Fact]
    public void Normalize_ClipInsideSurrogatePair_KeepsNoHalf()
    {
        var name = Requester.Normalize(new string('a', Requester.MaxLength - 1) + "😀😀");

        Assert.Equal(Requester.MaxLength - 1, name.Length);
    }

    [Theory]
    [InlineData("key/ci")]
    [InlineData("oidc/248289761001")]
    [InlineData("oidc/alice@example.com")]
    public void Check_RecordableName_IsNullAndNormalizeLeavesItAlone(string principal)
    {
        Assert.Null(Requester.Check(principal));
        Assert.Equal(principal, Requester.Normalize(principal));
    }

    [Theory]
    [InlineData("oidc/alice smith", "whitespace (U+0020) at index 10")]
    [InlineData("oidc/mallory\nDecision-Id: x", "a line feed (U+000A) at index 12")]
    [InlineData("oidc/\u001B[2J", "a control character (U+001B) at index 5")]
    public void Check_UnrecordableName_SaysWhyAndTheRule(string principal, string expected)
    {
        var refusal = Requester.Check(principal);

        Assert.NotNull(refusal);
        Assert.StartsWith("requester '", refusal, StringComparison.Ordinal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
        Assert.Contains("1-128 printable characters without whitespace", refusal, StringComparison.Ordinal);
    }
}
