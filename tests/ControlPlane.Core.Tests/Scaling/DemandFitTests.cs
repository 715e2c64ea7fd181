using ControlPlane.Core.Forecasting;
using ControlPlane.Core.Scaling;

namespace ControlPlane.Core.Tests.Scaling;

public class DemandFitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_ReadingsInOneInterval_FitNothingUntilItCloses()
    {
        var fit = DemandFit.Empty.Add([(Start, 10), (Start.AddSeconds(30), 20)], replicas: 2);

        Assert.Equal(0, fit.State.Count);
        Assert.Equal(ForecastBasis.NoData, fit.Forecast().Basis);
    }

    [Fact]
    public void Add_NextInterval_FoldsMeanRateTimesReplicas()
    {
        var fit = DemandFit.Empty.Add([(Start, 10), (Start.AddSeconds(30), 20), (Start.AddMinutes(1), 5)], replicas: 2);

        Assert.Equal(1, fit.State.Count);
        Assert.Equal(30, fit.Forecast().Points[0].Value, 9); // (10 + 20) / 2 × 2 replicas
    }

    [Fact]
    public void Add_ReadingOlderThanTheOpenInterval_IsIgnored()
    {
        var fit = DemandFit.Empty.Add([(Start.AddMinutes(5), 10)], replicas: 1);

        var later = fit.Add([(Start, 1000)], replicas: 1);

        Assert.Equal(fit, later);
    }
}
