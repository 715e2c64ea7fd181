using ControlPlane.Benchmarks.Autoscale;

namespace ControlPlane.Benchmarks.Tests.Autoscale;

public class PredictiveAutoscalerTests
{
    private static PredictiveAutoscaler Predictive(AutoscaleSettings settings, int initial)
    {
        var trace = Replays.Trace(new double[10]);
        return new PredictiveAutoscaler(settings.ControlPlaneSpec(10), settings.Forecaster(trace), settings.Predictive(trace), initial);
    }

    [Fact]
    public void Decide_FirstStepWithDefaultSettings_KeepsReplicasUntilForecastErrorIsMeasured()
    {
        // One observation of 36 units: its forecast has zero standard error, which alone would propose 4 replicas.
        var replicas = Predictive(new AutoscaleSettings(), 6).Decide(Replays.At(0, 6, 60));

        Assert.Equal(6, replicas);
    }

    [Fact]
    public void Decide_FirstStepWithoutGuard_ScalesDownOnZeroError()
    {
        var replicas = Predictive(new AutoscaleSettings { MinMeasuredErrorsToScaleDown = 0 }, 6).Decide(Replays.At(0, 6, 60));

        Assert.Equal(4, replicas); // ceil(36 / 10) at a 100% target
    }
}
