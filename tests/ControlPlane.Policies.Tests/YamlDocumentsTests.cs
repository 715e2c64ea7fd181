using YamlDotNet.Core;

namespace ControlPlane.Policies.Tests;

public sealed class YamlDocumentsTests
{
    public static TheoryData<string, object?> Scalars => new()
    {
        { "2", 2L },
        { "-7", -7L },
        { "0x1F", 31L },
        { "0o17", 15L },
        { "\"2\"", "2" },
        { "'2'", "2" },
        { "!!str 2", "2" },
        { "2.5", 2.5 },
        { "1e3", 1000.0 },
        { "99999999999999999999", 1e20 },
        { "true", true },
        { "False", false },
        { "'true'", "true" },
        { "yes", "yes" },
        { "~", null },
        { "null", null },
        { "", null },
        { "AR-2026-0117", "AR-2026-0117" },
        { "|-\n  two\n  lines", "two\nlines" },
        { ">\n  folded\n  text", "folded text\n" },
        { "1.4.2", "1.4.2" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Parse_Scalar_TakesTheCoreSchemaType(string yaml, object? expected)
    {
        var document = Assert.IsType<Dictionary<string, object?>>(Assert.Single(YamlDocuments.Parse($"value: {yaml}\n")));

        Assert.Equal(expected, document["value"]);
        Assert.Equal(expected?.GetType(), document["value"]?.GetType());
    }

    [Fact]
    public void Parse_NestedMapsAndLists_GiveDictionariesAndLists()
    {
        var document = (Dictionary<string, object?>)YamlDocuments.Parse("a:\n  b: [1, x, {c: null}]\n")[0]!;

        var list = Assert.IsType<List<object?>>(((Dictionary<string, object?>)document["a"]!)["b"]);
        Assert.Equal(1L, list[0]);
        Assert.Equal("x", list[1]);
        Assert.Null(Assert.IsType<Dictionary<string, object?>>(list[2])["c"]);
    }

    [Fact]
    public void Parse_SeveralDocuments_KeepsOrderAndEmptyOnes()
    {
        var documents = YamlDocuments.Parse("a: 1\n---\n---\n- b\n");

        Assert.Equal(3, documents.Count);
        Assert.IsType<Dictionary<string, object?>>(documents[0]);
        Assert.Null(documents[1]);
        Assert.IsType<List<object?>>(documents[2]);
    }

    [Fact]
    public void Parse_NonStringKeys_BecomeTheirText()
    {
        var document = (Dictionary<string, object?>)YamlDocuments.Parse("1: a\ntrue: b\n~: c\n")[0]!;

        Assert.Equal(["1", "true", "null"], document.Keys);
    }

    [Fact]
    public void Parse_AnchorAndAlias_ShareTheValue()
    {
        var document = (Dictionary<string, object?>)YamlDocuments.Parse("a: &gpus {nvidia.com/gpu: 2}\nb: *gpus\n")[0]!;

        Assert.Same(document["a"], document["b"]);
    }

    [Theory]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: *nowhere\n")]
    [InlineData("? [a]\n: 1\n")]
    [InlineData("a: [1, 2\n")]
    public void Parse_InvalidYaml_Throws(string yaml)
    {
        Assert.ThrowsAny<YamlException>(() => YamlDocuments.Parse(yaml));
    }

    [Fact]
    public void Parse_NestingDeeperThanAnyManifest_ThrowsInsteadOfOverflowingTheStack()
    {
        var yaml = new string('[', 5000) + new string(']', 5000);

        Assert.ThrowsAny<YamlException>(() => YamlDocuments.Parse(yaml));
    }
}
