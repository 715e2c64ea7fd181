using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>
/// After a realistic flow with every kind of secret configured, no secret (and no raw API key) appears in the
/// logs at any level, in any response, in metrics or decisions, in any commit or Git object, or in stored bytes.
/// </summary>
public sealed class SecretLeakTests(SecretLeakScenario scenario) : IClassFixture<SecretLeakScenario>
{
    private readonly SecretSearch _search = new(scenario.Secrets);

    [Fact]
    public void Logs_AtEveryLevel_HoldNoSecret()
    {
        Assert.Contains(scenario.Logs.Lines, l => l.StartsWith("Trace ", StringComparison.Ordinal) || l.StartsWith("Debug ", StringComparison.Ordinal));

        var number = 0;
        foreach (var line in scenario.Logs.Lines) _search.InText($"log entry {++number}", line);

        _search.AssertNoneFound();
    }

    [Fact]
    public void Responses_HoldNoSecretButTheNewKeyInTheAnswerThatMadeIt()
    {
        var (_, creation) = Assert.Single(scenario.Responses.All, r => r.Request == SecretLeakScenario.KeyCreation);
        Assert.Contains(scenario.RuntimeKey, creation, StringComparison.Ordinal); // the search sees what it looks for

        foreach (var (request, text) in scenario.Responses.All)
            _search.InText($"the response to {request}", text, request == SecretLeakScenario.KeyCreation ? SecretLeakScenario.RuntimeKeyName : null);

        _search.AssertNoneFound();
    }

    [Fact]
    public void Metrics_HoldNoSecret()
    {
        Assert.Contains("controlplane_", scenario.MetricsText, StringComparison.Ordinal);

        _search.InText("/metrics", scenario.MetricsText);

        _search.AssertNoneFound();
    }

    [Fact]
    public void DecisionFeed_HoldsNoSecret()
    {
        Assert.Contains("\"rollback\"", scenario.DecisionFeedText, StringComparison.Ordinal);

        _search.InText("GET /api/v1/decisions", scenario.DecisionFeedText);

        _search.AssertNoneFound();
    }

    [Fact]
    public async Task Repositories_EveryCommitAndObject_HoldNoSecret()
    {
        foreach (var (name, path) in new[] { ("the remote", scenario.Remote), ("the plane's repository", scenario.Factory.RepositoryPath) })
        {
            var log = await GitCli.OutputAsync(path, "log", "--all", "-p", "--format=%B%n%(trailers)");
            Assert.Contains("Requested-By: key/ci-bot", log, StringComparison.Ordinal);
            _search.InText($"git log -p of {name}", log);
            var objects = await GitCli.OutputAsync(path, "cat-file", "--batch-all-objects", "--batch");
            Assert.Contains("-----BEGIN SSH SIGNATURE-----", objects, StringComparison.Ordinal); // the signing key was used
            _search.InText($"the objects of {name}", objects);
        }

        _search.AssertNoneFound();
    }

    [Fact]
    public async Task DataDirectory_EveryFile_HoldsNoRawKeyOrToken()
    {
        var files = Directory.EnumerateFiles(scenario.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        var grainStore = files.Where(f => Path.GetFileName(f).StartsWith("grains.db", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(grainStore);
        var stored = await Task.WhenAll(grainStore.Select(f => File.ReadAllBytesAsync(f)));
        Assert.Contains(stored, b => b.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(ApiKeyHash.Sha256Hex(scenario.RuntimeKey))) >= 0); // only the hash

        foreach (var file in files) _search.InBytes(Path.GetRelativePath(scenario.DataDirectory, file), await File.ReadAllBytesAsync(file));

        _search.AssertNoneFound();
    }
}
