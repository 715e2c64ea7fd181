using ControlPlane.Testing;

namespace ControlPlane.Grains.Tests;

/// <summary>A model in predictive mode fits its per-minute demand and scales for the forecast, through budget and cluster.</summary>
[Collection(SharedGrainCluster.Name)]
public class PredictiveScalingGrainTests(GrainClusterFixture fixture)
{
    private static GpuSample Sample(string model, DateTimeOffset at, double utilization, double rps) =>
        new($"risk/{model}", at, utilization, RequestsPerSecond: rps);

    [Theory]
    [MemberData(nameof(CalendarDates.Dates), MemberType = typeof(CalendarDates))]
    public async Task Observe_PredictiveModelWithForecastDemand_ScalesForItAboveTheReactiveRule(string date)
    {
        fixture.Calendar.Start(CalendarDates.Parse(date));
        var name = $"predictive-{CalendarDates.Label(date)}";
        var (cluster, budget) = await fixture.Infrastructure(name);
        var model = fixture.Client.GetGrain<IModelGrain>($"risk/{name}");
        // 10 requests per second per replica at a 70% target: 7 per replica; 50 per second needs 8.
        await model.Register(GrainClusterFixture.Spec(cluster, budget) with
        {
            RequestsPerSecondPerReplica = 10,
            Scaling = new ScalingSpec(ScalingModes.Predictive),
        });
        var now = fixture.Now;

        await model.Observe(new GpuSampleBatch([Sample(name, now.AddMinutes(-2), 60, 50), Sample(name, now.AddMinutes(-1), 60, 50), Sample(name, now, 60, 50)]));

        var view = await model.Get();
        Assert.Equal(8, view!.Replicas);
        var decision = (await model.Decisions(1))[0];
        Assert.Equal(DecisionKind.Scale, decision.Kind);
        Assert.Contains("forecast 8", decision.Reason, StringComparison.Ordinal);
        Assert.Equal("1", decision.Inputs!["reactiveProposal"]); // ceil(1 × 60 / 70)
    }

    [Fact]
    public async Task Observe_ReactiveModelWithTheSameDemand_KeepsHpaArithmetic()
    {
        var (cluster, budget) = await fixture.Infrastructure("reactive-demand");
        var model = fixture.Client.GetGrain<IModelGrain>("risk/reactive-demand");
        await model.Register(GrainClusterFixture.Spec(cluster, budget) with { RequestsPerSecondPerReplica = 100 });
        var now = fixture.Now;

        await model.Observe(new GpuSampleBatch([Sample("reactive-demand", now.AddMinutes(-1), 60, 5), Sample("reactive-demand", now, 60, 5)]));

        Assert.Equal(1, (await model.Get())!.Replicas);
    }
}
