using ControlPlane.Core.Fields;

namespace ControlPlane.Core.Tests.Fields;

public class PrintableTextTests
{
    /// <summary>Each class of character no field may hold, whatever its layout; as code units, which xUnit passes on intact even when unpaired.</summary>
    public static TheoryData<int, string> RefusedEverywhere() => new()
    {
        { 0x0000, "a control character (U+0000)" },
        { 0x001B, "a control character (U+001B)" },
        { 0x001F, "a control character (U+001F)" },
        { 0x000D, "a carriage return (U+000D)" },
        { 0x0085, "a next-line character (NEL) (U+0085)" },
        { 0x2028, "a line separator (U+2028)" },
        { 0x2029, "a paragraph separator (U+2029)" },
        { 0x007F, "a delete character (DEL) (U+007F)" },
        { 0x0080, "a C1 control character (U+0080)" },
        { 0x009F, "a C1 control character (U+009F)" },
        { 0xFFFE, "a noncharacter (U+FFFE)" },
        { 0xFFFF, "a noncharacter (U+FFFF)" },
        { 0xD800, "a lone surrogate (U+D800)" },
        { 0xDFFF, "a lone surrogate (U+DFFF)" },
    };

    [Theory]
    [MemberData(nameof(RefusedEverywhere))]
    public void FirstFault_CharacterNoLayoutAllows_IsNamedWithItsIndex(int codeUnit, string expected)
    {
        foreach (var layout in Enum.GetValues<TextLayout>())
            Assert.Equal($"{expected} at index 2", PrintableText.FirstFault($"ab{(char)codeUnit}cd", layout)?.ToString());
    }

    [Theory]
    [InlineData("a\nb", TextLayout.Token, "a line feed (U+000A) at index 1")]
    [InlineData("a\nb", TextLayout.Line, "a line feed (U+000A) at index 1")]
    [InlineData("a\tb", TextLayout.Token, "a tab (U+0009) at index 1")]
    [InlineData("a\tb", TextLayout.Line, "a tab (U+0009) at index 1")]
    [InlineData("a b", TextLayout.Token, "whitespace (U+0020) at index 1")]
    [InlineData("a\u00A0b", TextLayout.Token, "whitespace (U+00A0) at index 1")]
    [InlineData("a\u3000b", TextLayout.Token, "whitespace (U+3000) at index 1")]
    public void FirstFault_WhitespaceTheLayoutRefuses_IsNamed(string value, TextLayout layout, string expected) =>
        Assert.Equal(expected, PrintableText.FirstFault(value, layout)?.ToString());

    [Theory]
    [InlineData("AR-2026-0117", TextLayout.Token)]
    [InlineData("über-😀-\uFEFF-\u200B-\uE000-\U0010FFFD-\uFDD0", TextLayout.Token)]
    [InlineData("p99 latency doubled\u00A0again", TextLayout.Line)]
    [InlineData("line one\n\tline two\n", TextLayout.Lines)]
    public void FirstFault_PrintableText_IsNull(string value, TextLayout layout) =>
        Assert.Null(PrintableText.FirstFault(value, layout));

    [Fact]
    public void Faults_SurrogatePairsAndLoneHalves_OnlyTheLoneHalvesAreFaults()
    {
        var faults = PrintableText.Faults("😀\uDE00x\uD83D", TextLayout.Token);

        Assert.Equal([2, 4], faults.Select(f => f.Index));
    }
}
