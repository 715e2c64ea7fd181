using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ControlPlane.Benchmarks.Autoscale;

namespace ControlPlane.Benchmarks.Tests.Autoscale;

public sealed class TraceReplayTests : IDisposable
{
    private static readonly string[] Policies = ["static", "hpa", "controlplane"];
    private readonly string _archives = Path.Combine(Path.GetTempPath(), $"controlplane-traces-{Guid.NewGuid():N}");

    public TraceReplayTests() => Directory.CreateDirectory(_archives);

    public void Dispose() => Directory.Delete(_archives, recursive: true);

    /// <summary>The first 3,000 requests of the real Azure code trace, shipped with the tests (see TestData/README.md).</summary>
    private static string Traces() => Path.Combine(AppContext.BaseDirectory, "TestData");

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
        // Two windows 57 s apart; API requests and an unknown container's duty cycle must not count.
        Archive("alibaba-genai-2026-qps.tar.gz", "qps.csv", "timestamp_anon,value,container_ip,request_type\n" +
            "0,1.5,10.0.0.1,Generative Requests\n0,0.5,10.0.0.2,Generative Requests\n0,9,10.0.0.1,API Requests\n" +
            "57,2,10.0.0.1,Generative Requests\n");
        Archive("alibaba-genai-2026-pod-gpu-duty-cycle.tar.gz", "pod_gpu_duty_cycle_anon.csv", "value,timestamp_anon,container_ip\n" +
            "50,0,10.0.0.1\n30,0,10.0.0.2\n80,57,10.0.0.1\n100,0,10.0.0.9\n");

        var trace = AlibabaTraceReader.Read(_archives);

        Assert.Equal(57, trace.StepSeconds);
        Assert.Equal([2.0, 2.0], trace.Demand);
        Assert.Equal(4.0 / 1.6, trace.CapacityPerReplica, 9); // Σ QPS 4 over Σ busy fraction 0.5 + 0.3 + 0.8
    }

    private void Archive(string file, string member, string csv)
    {
        using var output = File.Create(Path.Combine(_archives, file));
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, member) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(csv)) };
        tar.WriteEntry(entry);
    }
}
