using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>A plane configured with <c>ControlPlane:Signals:MaxBatchSamples</c> = 3.</summary>
public sealed class SmallBatchHost() : RunningPlane(new Dictionary<string, string>
{
    ["ControlPlane:Signals:MaxBatchSamples"] = "3",
})
{
    public const int MaxBatchSamples = 3;
}

public sealed class SignalBatchLimitTests(SmallBatchHost host) : IClassFixture<SmallBatchHost>
{
    private static JsonArray Batch(string model, int samples) =>
        new([.. Enumerable.Range(0, samples).Select(_ => (JsonNode?)Bodies.GpuSample(model, 50))]);

    [Fact]
    public async Task PostGpu_OverMaxBatchSamples_Returns413SayingTheLimit()
    {
        var model = await host.Client.RegisterModelAsync();

        using var response = await host.Client.PostAsync("/api/v1/signals/gpu", Batch(model.Id, SmallBatchHost.MaxBatchSamples + 1));

        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge, "at most 3", "has 4");
    }

    [Fact]
    public async Task PostGpu_ExactlyMaxBatchSamples_Returns202()
    {
        var model = await host.Client.RegisterModelAsync();

        using var response = await host.Client.PostAsync("/api/v1/signals/gpu", Batch(model.Id, SmallBatchHost.MaxBatchSamples));

        var result = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal(SmallBatchHost.MaxBatchSamples, (int?)result["accepted"]);
    }
}
