using System.Text.Json;
using ControlPlane.Benchmarks.Autoscale;

namespace ControlPlane.Benchmarks.Tests.Autoscale;

public class TraceReplayTests
{
    private static readonly string[] Policies = ["static", "hpa", "controlplane"];

    private static string Traces() =>
        TraceDirectory.Locate() ?? throw new InvalidOperationException($"no {TraceDirectory.SolutionFile} above {AppContext.BaseDirectory}");

    [Fact]
    public void Replay_FirstRowsOfAzureCodeTrace_ReportsAllThreePolicies()
    {
        var trace = AzureTraceReader.Read(Traces(), "azure-llm-2023-code", maxRows: 3_000);

        var report = AutoscaleDriver.Replay(trace, new AutoscaleSettings(), 3.0);
        using var json = JsonDocument.Parse(report.ToJson());

        Assert.True(trace.Demand.Count >= 15, $"{trace.Demand.Count} steps");
        Assert.Equal("azure-llm-2023-code", json.RootElement.GetProperty("trace").GetString());
        var policies = json.RootElement.GetProperty("policies");
        Assert.All(Policies, name =>
        {
            var policy = policies.GetProperty(name);
            Assert.True(policy.GetProperty("gpuHours").GetDouble() > 0);
            Assert.True(policy.GetProperty("sloViolationMinutes").GetDouble() >= 0);
            Assert.True(policy.GetProperty("actions").GetInt32() >= 0);
        });
    }

    [Fact]
    public void Read_AlibabaArchives_SumsGenerativeQpsPerWindowWithoutExtracting()
    {
        var trace = AlibabaTraceReader.Read(Traces(), maxRows: 2_000);

        Assert.Equal(57, trace.StepSeconds);
        Assert.True(trace.Demand.Count > 10);
        Assert.True(trace.CapacityPerReplica > 0);
    }
}
