using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

public sealed class ApiKeysFileTests : IDisposable
{
    private readonly TempDataDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Read_CommentsAndBlankLines_AreSkipped()
    {
        var path = _files.Combine("keys");
        File.WriteAllText(path, $"# CI keys\n\nci-pipeline operator {ApiKeyHash.Sha256Hex("k1")}  # the deploy job\n");

        var key = Assert.Single(ApiKeysFile.Read(path));

        Assert.Equal(("ci-pipeline", Roles.Operator, "file"), (key.Name, key.Role, key.Source));
        Assert.Equal(ApiKeyHash.Sha256("k1"), key.Hash);
    }

    [Theory]
    [InlineData("cpk_pasted-the-key-itself-by-mistake")]
    [InlineData("ci root 0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ci viewer cpk_not-a-hash-at-all-but-the-key")]
    public void Read_BadLine_FailsNamingTheLineButNotItsContent(string line)
    {
        var path = _files.Combine("keys");
        File.WriteAllText(path, "# ok\n" + line + "\n");

        var error = Assert.Throws<InvalidOperationException>(() => ApiKeysFile.Read(path));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cpk_", error.Message, StringComparison.Ordinal);
    }
}
