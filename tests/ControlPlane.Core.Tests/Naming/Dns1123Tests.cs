using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Tests.Naming;

public class Dns1123Tests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("fraud-mm", "fraud-mm")]
    [InlineData("a\nb\tc\u2028d\u0085e\uFFFEf", "a?b?c?d?e?f")]
    public void Printable_Value_IsOneLineWithUnprintableCharactersMarked(string? value, string expected) =>
        Assert.Equal(expected, Dns1123.Printable(value));

    [Fact]
    public void Printable_LoneSurrogate_IsMarked() => Assert.Equal("lone?", Dns1123.Printable("lone\uD800"));

    [Fact]
    public void Printable_ClipInsideSurrogatePair_KeepsNoHalf()
    {
        var shown = Dns1123.Printable(new string('a', 79) + "😀😀");

        Assert.Equal(new string('a', 79) + "…", shown);
    }
}
