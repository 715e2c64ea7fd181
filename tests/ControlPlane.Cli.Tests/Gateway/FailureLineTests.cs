using ControlPlane.Cli.Gateway;

namespace ControlPlane.Cli.Tests.Gateway;

/// <summary>The one line a failure prints: prefixed, on one line, and never with a key in it.</summary>
public sealed class FailureLineTests
{
    [Fact]
    public void Format_MessageHoldingTheKey_MasksIt()
    {
        var line = FailureLine.Format("key cpk_secret was refused", "cpk_secret");

        Assert.Equal("cpctl: key *** was refused", line);
    }

    [Fact]
    public void Format_LineBreaksAndControlCharacters_BecomeOneLine()
    {
        var line = FailureLine.Format("first\r\nsecond\tthird\u001b[31m", []);

        Assert.Equal("cpctl: first second third [31m", line);
    }

    [Fact]
    public void Format_NoKeyKnown_LeavesTheMessage()
    {
        Assert.Equal("cpctl: model 'a/b' is not registered.", FailureLine.Format("model 'a/b' is not registered.", null, ""));
    }
}
