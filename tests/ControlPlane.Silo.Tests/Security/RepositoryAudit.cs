using System.Text.RegularExpressions;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>Checks a desired-state repository as Flux would meet it: sound objects, files only where the layout puts them, every cluster buildable.</summary>
public static partial class RepositoryAudit
{
    /// <summary>What the plane's first commit puts outside <c>clusters/</c> and <c>policies/</c>, and nothing else may add.</summary>
    public static readonly string[] InitialFilesOutsideLayout = ["README.md"];

    private static readonly string[] WrittenKinds = ["Deployment", "Service"];

    private const string Label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    [GeneratedRegex($"^clusters/(README\\.md|{Label}/kustomization\\.yaml|{Label}/{Label}/{Label}/(deployment|service|kustomization)\\.yaml)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClusterFile();

    [GeneratedRegex("^kind: (.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelKind();

    /// <summary>Clones <paramref name="barePath"/> into <paramref name="work"/> and asserts it is sound; returns the clone and its number of model folders.</summary>
    public static async Task<(string Clone, int Models)> AssertSoundAsync(string barePath, TempDataDirectory work)
    {
        ArgumentNullException.ThrowIfNull(work);
        AssertSucceeds(await GitCli.RunAsync(barePath, "fsck", "--strict", "--no-progress"), "git fsck --strict (bare)");
        var clone = work.Combine("audit-clone");
        await GitCli.OutputAsync(work.Path, "-c", "transfer.fsckObjects=true", "clone", "--quiet", "--no-local", barePath, clone);
        AssertSucceeds(await GitCli.RunAsync(clone, "fsck", "--strict", "--no-progress"), "git fsck --strict (clone)");

        var files = await GitCli.LinesAsync(clone, "ls-tree", "-r", "--name-only", "HEAD");
        Assert.Equal(InitialFilesOutsideLayout, files.Where(f => !f.StartsWith("clusters/", StringComparison.Ordinal) && !f.StartsWith("policies/", StringComparison.Ordinal)));
        Assert.All(files.Where(f => f.StartsWith("clusters/", StringComparison.Ordinal)), f => Assert.Matches(ClusterFile(), f));
        var root = (await GitCli.LinesAsync(clone, "rev-list", "--max-parents=0", "HEAD")).Single();
        AssertSucceeds(await GitCli.RunAsync(clone, "diff", "--quiet", root, "HEAD", "--", "policies"), "policies/ unchanged since the first commit");

        var models = 0;
        foreach (var cluster in files.Select(f => f.Split('/')).Where(p => p.Length > 2).Select(p => p[1]).Distinct(StringComparer.Ordinal))
        {
            var deployments = files.Count(f => f.StartsWith($"clusters/{cluster}/", StringComparison.Ordinal) && f.EndsWith("/deployment.yaml", StringComparison.Ordinal));
            var built = await ProcessRunner.RunAsync("kubectl", ["kustomize", $"clusters/{cluster}"], clone);
            Assert.True(built.ExitCode == 0, $"kubectl kustomize clusters/{cluster}: {built}");
            var kinds = TopLevelKind().Matches(built.Stdout).Select(m => m.Groups[1].Value).ToList();
            // An injected document (a Secret, say) would show up here as a kind the plane never writes.
            Assert.All(kinds, kind => Assert.Contains(kind, WrittenKinds));
            Assert.Equal(deployments, kinds.Count(k => k == "Deployment"));
            models += deployments;
        }
        return (clone, models);
    }

    private static void AssertSucceeds(ProcessResult result, string what) => Assert.True(result.ExitCode == 0, $"{what}: {result}");
}
