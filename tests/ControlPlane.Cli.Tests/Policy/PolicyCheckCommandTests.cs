using ControlPlane.Cli.Tests.Fixtures;

namespace ControlPlane.Cli.Tests.Policy;

/// <summary><c>cpctl policy check</c>: the default policies, offline, over a repository checkout, as CI runs it before a merge.</summary>
public sealed class PolicyCheckCommandTests : IDisposable
{
    private readonly PolicyRepository _repository = new();
    private readonly Cpctl _cpctl = new(new Dictionary<string, string>());

    [Fact]
    public async Task Check_CompliantDeployment_Exits0AndSaysPassed()
    {
        _repository.AddDeployment("fraud-mm", gpus: 1);

        var run = await _cpctl.RunAsync("policy", "check", _repository.Path);

        run.AssertOk();
        Assert.Contains("passed: 1 manifest file(s) checked against 2 policies: 0 denial(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ThreeGpus_Exits1WithObjectFileAndMessage()
    {
        _repository.AddDeployment("fraud-mm", gpus: 1);
        _repository.AddDeployment("too-big", gpus: 3);

        var run = await _cpctl.RunAsync("policy", "check", _repository.Path);

        Assert.Equal(ExitCodes.PolicyDenied, run.ExitCode);
        var denial = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("deny:", StringComparison.Ordinal));
        Assert.Equal(
            "deny: clusters/prod-eu/risk/too-big/deployment.yaml: Deployment risk/too-big: max-gpus-per-container: " +
            "Deployment 'too-big' requests 3 GPUs, exceeding the maximum allowed of 2 for cost optimization and resource governance.",
            denial);
        Assert.Contains("failed: 2 manifest file(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingAlignmentReport_Exits1NamingThatPolicy()
    {
        _repository.AddDeployment("no-report", gpus: 1, alignmentReport: null);

        var run = await _cpctl.RunAsync("policy", "check", _repository.Path);

        Assert.Equal(ExitCodes.PolicyDenied, run.ExitCode);
        Assert.Contains("require-alignment-report: Deployment 'no-report' has no ai-alignment-report-id annotation", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Json_ListsDenialsWithTheirFile()
    {
        _repository.AddDeployment("too-big", gpus: 3);

        var run = await _cpctl.RunAsync("policy", "check", _repository.Path, "-o", "json");

        Assert.Equal(ExitCodes.PolicyDenied, run.ExitCode);
        var finding = Assert.Single(run.Json()["findings"]!.AsArray());
        Assert.Equal("deny", (string?)finding?["action"]);
        Assert.Equal("clusters/prod-eu/risk/too-big/deployment.yaml", (string?)finding?["file"]);
        Assert.False((bool)run.Json()["passed"]!);
    }

    [Fact]
    public async Task Check_GivenFile_ChecksOnlyThatFile()
    {
        _repository.AddDeployment("too-big", gpus: 3);
        var fine = _repository.AddDeployment("fraud-mm", gpus: 2);

        var run = await _cpctl.RunAsync("policy", "check", _repository.Path, "--manifests", fine);

        run.AssertOk();
    }

    [Fact]
    public async Task Check_BrokenPolicyFile_Exits1NamingIt()
    {
        _repository.AddDeployment("fraud-mm", gpus: 1);
        File.WriteAllText(_repository.Combine("policies", "broken.yaml"), "apiVersion: [unclosed");

        var run = await _cpctl.RunAsync("policy", "check", _repository.Path);

        Assert.Equal(ExitCodes.PolicyDenied, run.ExitCode);
        Assert.Contains("broken: policies/broken.yaml", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoPolicyFolder_Exits2()
    {
        var run = await _cpctl.RunAsync("policy", "check", _repository.Path, "--policies", _repository.Combine("nope"));

        run.AssertFailed(ExitCodes.Usage, "does not exist");
    }

    public void Dispose() => _repository.Dispose();
}
