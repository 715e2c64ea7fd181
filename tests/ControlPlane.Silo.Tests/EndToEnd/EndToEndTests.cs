using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.EndToEnd;

/// <summary>What Flux would pull, checked with git and kubectl; and what survives a restart of the plane.</summary>
public sealed class EndToEndTests(EndToEndScenario scenario) : IClassFixture<EndToEndScenario>
{
    private IEnumerable<string> ApiDecisionIds => scenario.DecisionsBefore.Select(d => (string)d!["id"]!);

    private static string[] Lines(ProcessResult result) =>
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Scenario_BeforeRestart_HasCommittedRegisterThenScale()
    {
        Assert.Equal("scale register", string.Join(' ', scenario.DecisionsBefore.Select(d => (string?)d!["kind"])));
        Assert.All(scenario.DecisionsBefore, d => Assert.Matches("^[0-9a-f]{40}$", (string?)d!["commitSha"]));
        Assert.Equal(2, (int?)scenario.ModelBefore["replicas"]);
    }

    [Fact]
    public void Clone_GitFsckStrict_ExitsZero()
    {
        Assert.True(scenario.Fsck.ExitCode == 0, scenario.Fsck.ToString());
    }

    [Fact]
    public void Clone_KustomizeClusterFolder_ExitsZero()
    {
        Assert.True(scenario.Kustomize.ExitCode == 0, scenario.Kustomize.ToString());
    }

    [Fact]
    public void Clone_KustomizeClusterFolder_RendersTheScaledReplicas()
    {
        Assert.Contains("replicas: 2", scenario.Kustomize.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_KustomizeClusterFolder_CarriesTheAlignmentReportAnnotation()
    {
        Assert.Contains("ai-alignment-report-id: AR-2026-0117", scenario.Kustomize.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_KustomizeClusterFolder_RequestsGpusOnTheGpuNodes()
    {
        Assert.Contains("nvidia.com/gpu", scenario.Kustomize.Stdout, StringComparison.Ordinal);
        Assert.Contains(Bodies.GpuType, scenario.Kustomize.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Clone_DecisionKindTrailers_ListScaleThenRegister()
    {
        Assert.True(scenario.DecisionKinds.ExitCode == 0, scenario.DecisionKinds.ToString());
        Assert.Equal("scale register", string.Join(' ', Lines(scenario.DecisionKinds)));
    }

    [Fact]
    public void Clone_DecisionIdTrailers_AreTheDecisionIdsTheApiReturned()
    {
        Assert.True(scenario.DecisionIds.ExitCode == 0, scenario.DecisionIds.ToString());
        Assert.Equal(ApiDecisionIds, Lines(scenario.DecisionIds));
    }

    [Fact]
    public async Task Clone_ScaleCommit_IsTheCommitTheApiReported()
    {
        var scale = scenario.DecisionsBefore.First(d => (string?)d!["kind"] == "scale")!;

        var trailer = await GitCli.OutputAsync(scenario.ClonePath, "log", "-1", "--format=%(trailers:key=Decision-Id,valueonly)", (string)scale["commitSha"]!);

        Assert.Equal((string?)scale["id"], trailer.Trim());
    }

    [Fact]
    public void Restart_Model_KeepsReplicasAndPhase()
    {
        Assert.Equal(2, (int?)scenario.ModelAfter["replicas"]);
        Assert.Equal("Stable", (string?)scenario.ModelAfter["phase"]);
        Assert.Equal((string?)scenario.ModelBefore["phase"], (string?)scenario.ModelAfter["phase"]);
        Assert.Equal((string?)scenario.ModelBefore["lastCommitSha"], (string?)scenario.ModelAfter["lastCommitSha"]);
    }

    [Fact]
    public void Restart_DecisionLog_KeepsBothDecisions()
    {
        Assert.Equal(scenario.DecisionsBefore.ToJsonString(), scenario.DecisionsAfter.ToJsonString());
    }

    [Fact]
    public void Restart_Budget_KeepsItsAccruedSpend()
    {
        Assert.True((double?)scenario.BudgetBefore["spend"] > 0, $"no spend accrued before the restart: {scenario.BudgetBefore}");
        Assert.Equal((double?)scenario.BudgetBefore["spend"], (double?)scenario.BudgetAfter["spend"]);
        Assert.Equal((double?)scenario.BudgetBefore["spec"]!["limit"], (double?)scenario.BudgetAfter["spec"]!["limit"]);
    }

    [Fact]
    public void Restart_Cluster_KeepsTheModelsReservation()
    {
        var reservation = Assert.Single(scenario.ClusterAfter["reservations"]!.AsArray())!;
        Assert.Equal(scenario.Model.Id, (string?)reservation["model"]);
        Assert.Equal(2, (int?)reservation["gpus"]);
    }

    [Fact]
    public void Restart_ModelList_ListsTheModelAtItsReplicas()
    {
        var entry = Assert.Single(scenario.ModelListAfter)!;
        Assert.Equal(scenario.Model.Id, (string?)entry["id"]);
        Assert.Equal(2, (int?)entry["replicas"]);
        Assert.Equal("Stable", (string?)entry["phase"]);
    }

    [Fact]
    public void Restart_GitOps_ReopensTheSameHead()
    {
        Assert.Equal((string?)scenario.GitOpsBefore["headSha"], (string?)scenario.GitOpsAfter["headSha"]);
    }

    [Fact]
    public async Task Restart_NewSamplesAboveTarget_ScaleOnFromTheRestoredReplicas()
    {
        var client = scenario.Restarted;

        await client.PostGpuSamplesAsync(Bodies.GpuSample(scenario.Model.Id, 98)); // ceil(2 × 98 / 70) = 3

        var decisions = await Eventually.Until(
            async () => (await client.GetJsonAsync($"{scenario.Model.Path}/decisions")).AsArray(),
            log => log.Count == 3 && log[0]!["commitSha"] is not null, Gateway.DecisionTimeout, "a third, committed decision");
        Assert.Equal("scale", (string?)decisions[0]!["kind"]);
        Assert.Equal(2, (int?)decisions[0]!["fromReplicas"]);
        Assert.Equal(3, (int?)decisions[0]!["toReplicas"]);
        var parent = await GitCli.OutputAsync(scenario.RepositoryPath, "rev-parse", $"{(string)decisions[0]!["commitSha"]!}^");
        Assert.Equal((string?)scenario.GitOpsBefore["headSha"], parent.Trim());
    }
}
