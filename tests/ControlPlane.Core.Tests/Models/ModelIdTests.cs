using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Tests.Models;

public class ModelIdTests
{
    [Theory]
    [InlineData("risk/fraud-mm", true)]
    [InlineData("risk/fraud/mm", false)]
    [InlineData("risk", false)]
    [InlineData("../x", false)]
    [InlineData("Risk/fraud", false)]
    [InlineData("risk/-fraud", false)]
    [InlineData("risk/", false)]
    [InlineData("risk/fraud\n", false)] // .NET's $ matches before a final line feed; the rules must not
    [InlineData("risk\n/fraud", false)]
    public void TryParse_Key_AcceptsOnlyTwoDnsLabels(string key, bool expected)
    {
        Assert.Equal(expected, ModelId.TryParse(key, out var id, out var error));
        if (expected) Assert.Equal(key, id.ToString());
        else Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void CheckLabel_LongControlCharacterInput_IsClippedToOneLine()
    {
        var error = Dns1123.CheckLabel("name", "x\n" + new string('a', 500));

        Assert.NotNull(error);
        Assert.DoesNotContain('\n', error);
        Assert.True(error.Length < 300);
    }

    [Fact]
    public void IsLabel_SixtyFourCharacters_IsRejected()
    {
        Assert.True(Dns1123.IsLabel(new string('a', 63)));
        Assert.False(Dns1123.IsLabel(new string('a', 64)));
    }
}
