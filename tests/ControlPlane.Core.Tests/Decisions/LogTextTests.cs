using ControlPlane.Core.Decisions;

namespace ControlPlane.Core.Tests.Decisions;

public class LogTextTests
{
    [Theory]
    [InlineData("fine", "fine")]
    [InlineData("a\nINFO forged entry", "a\\nINFO forged entry")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("bell\u0007 sep\u2028", "bell\\u0007 sep\\u2028")]
    [InlineData(null, "")]
    public void Line_ControlCharacters_AreEscapedNotKept(string? value, string expected) =>
        Assert.Equal(expected, LogText.Line(value));

    [Fact]
    public void Line_LongValue_IsBounded()
    {
        var line = LogText.Line(new string('\n', 5000));

        Assert.True(line.Length <= LogText.MaxLength + 2, $"length {line.Length}");
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }
}
