using System.Diagnostics;
using ControlPlane.Grains;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;
using OpenTelemetry.Trace;

namespace ControlPlane.Silo.Tests.Tracing;

/// <summary>A plane with tracing on (spans to an in-memory exporter) that pushes to a local bare remote.</summary>
public sealed class TracedPlane : IAsyncLifetime, IDisposable
{
    private readonly TempDataDirectory _files = new();
    private ControlPlaneFactory? _factory;

    public SpanCollection Spans { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public ControlPlaneFactory Factory => _factory!;

    public async Task InitializeAsync()
    {
        var remote = _files.Combine("remote.git");
        Directory.CreateDirectory(remote);
        (await GitCli.RunAsync(remote, "init", "--quiet", "--bare", "--initial-branch=main")).EnsureSuccess();
        _factory = new ControlPlaneFactory(_files.Combine("data"), new Dictionary<string, string>
        {
            ["ControlPlane:Tracing:Enabled"] = "true",
            ["ControlPlane:Tracing:Exporter"] = "none",
            ["ControlPlane:Git:RemoteUrl"] = remote,
        }, services => services.ConfigureOpenTelemetryTracerProvider(traces => traces.AddInMemoryExporter(Spans)));
        Client = await _factory.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }

    public void Dispose() => _files.Dispose();
}

public sealed class DecisionTraceTests(TracedPlane plane) : IClassFixture<TracedPlane>
{
    [Fact]
    public async Task SignalRequest_CausingAScale_IsOneTraceThroughGateDecisionCommitAndPush()
    {
        var model = await plane.Client.RegisterModelAsync();
        using var operatorClient = plane.Factory.CreateClient(Roles.Operator);

        await operatorClient.PostGpuSamplesAsync(Bodies.GpuSample(model.Id, 97));
        var decisionId = (string)(await plane.Client.CommittedDecisionAsync(model, "scale"))["id"]!;

        // Other planes in this test process make spans too: start from this decision's span, then check its trace.
        var decide = await Eventually.Until(
            () => Task.FromResult(plane.Spans.Snapshot().FirstOrDefault(s => s.DisplayName == "decide" && (string?)s.GetTagItem(ControlPlaneTracing.DecisionIdTag) == decisionId)),
            span => span is not null, Gateway.DecisionTimeout, "the decision's span");
        var trace = await Eventually.Until(
            () => Task.FromResult(plane.Spans.Snapshot().Where(s => s.TraceId == decide!.TraceId).ToList()),
            spans => spans.Any(s => s.DisplayName == "git.push"), Gateway.DecisionTimeout, "a push span in the decision's trace");

        Assert.Contains(trace, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/v1/signals/gpu", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.DisplayName == "gpu-signals" && (string?)s.GetTagItem(ControlPlaneTracing.ModelTag) == model.Id);
        Assert.Contains(trace, s => s.DisplayName == "policy-gate" && s.GetTagItem("controlplane.allowed") is true);
        Assert.Contains(trace, s => s.DisplayName == "git.commit" && (string?)s.GetTagItem(ControlPlaneTracing.DecisionIdTag) == decisionId
            && s.GetTagItem("controlplane.commit_sha") is string);
    }
}
