using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace ControlPlane.Cli.Tests.Fixtures;

/// <summary>What one cpctl run did: its exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public JsonNode Json() => JsonNode.Parse(Output) ?? throw new InvalidOperationException("cpctl printed JSON null.");

    /// <summary>The output read back as YAML into plain dictionaries and lists.</summary>
    public object? Yaml() => new DeserializerBuilder().Build().Deserialize<object?>(Output);

    /// <summary>Asserts the run failed with <paramref name="exitCode"/> and exactly one line on standard error containing <paramref name="fragment"/>.</summary>
    public void AssertFailed(int exitCode, string fragment)
    {
        Assert.True(ExitCode == exitCode, $"exit code {ExitCode}, expected {exitCode}; stderr: {Error}");
        Assert.Equal("", Output);
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("cpctl: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(fragment, lines[0], StringComparison.Ordinal);
    }

    public void AssertOk()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}; stderr: {Error}");
        Assert.Equal("", Error);
    }
}
