using ControlPlane.Core.Decisions;

namespace ControlPlane.Core.Tests.Decisions;

public class RequesterTests
{
    [Theory]
    [InlineData(null, Requester.ControlPlane)]
    [InlineData("  ", Requester.ControlPlane)]
    [InlineData("key/ci", "key/ci")]
    [InlineData("oidc/alice smith\nDecision-Id: x", "oidc/alice_smith_Decision-Id:_x")]
    public void Normalize_Principal_IsOnePrintableToken(string? principal, string expected) =>
        Assert.Equal(expected, Requester.Normalize(principal));

    [Fact]
    public void Normalize_LongPrincipal_IsClipped() =>
        Assert.Equal(Requester.MaxLength, Requester.Normalize(new string('a', 1000)).Length);
}
