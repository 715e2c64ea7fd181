using ControlPlane.Core.FinOps;

namespace ControlPlane.Core.Tests.FinOps;

public class AnomalyDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    private static HourlySeries Series(IEnumerable<double> values) => new(Start, values.ToList());

    /// <summary>Spend of 5/h overnight and 20/h from 09:00 to 18:00, with N(0, 0.5) noise from a fixed seed.</summary>
    private static double[] Seasonal(int days, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days * 24)
            .Select(i => (i % 24 is >= 9 and < 18 ? 20.0 : 5.0) + 0.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray();
    }

    [Fact]
    public void Detect_InjectedSpikesInSeasonalSeries_FindsExactlyThem()
    {
        var values = Seasonal(10, seed: 11);
        int[] spikes = [7 * 24 + 3, 8 * 24 + 14, 9 * 24 + 22];
        foreach (var i in spikes) values[i] += 15;

        var found = AnomalyDetector.Detect("spend", Series(values), Start.AddDays(7));

        Assert.Equal(spikes.Select(i => Start.AddHours(i)), found.Select(a => a.At));
        Assert.All(found, a => Assert.Equal(AnomalyDirection.Up, a.Direction));
    }

    [Fact]
    public void Detect_RegularDailyPeak_IsNotAnomalous()
    {
        var found = AnomalyDetector.Detect("spend", Series(Seasonal(10, seed: 12)), Start.AddDays(4));

        Assert.Empty(found);
    }

    [Fact]
    public void Detect_SpikeBelowCostFloor_IsIgnored()
    {
        // Pennies: 0.10/h jumping to 0.90/h is eight times the usual but under the 1.0 floor.
        var values = Enumerable.Repeat(0.10, 48).Append(0.90).ToArray();

        Assert.Empty(AnomalyDetector.Detect("spend", Series(values), Start));
    }

    [Fact]
    public void Detect_ConstantSeries_FlagsNothing()
    {
        Assert.Empty(AnomalyDetector.Detect("spend", Series(Enumerable.Repeat(10.0, 7 * 24)), Start));
    }

    [Fact]
    public void Detect_ConstantSeriesWithSmallWiggle_MadFloorKeepsItQuiet()
    {
        var values = Enumerable.Repeat(10.0, 5 * 24).Append(11.2).ToArray();

        Assert.Empty(AnomalyDetector.Detect("spend", Series(values), Start));
    }

    [Fact]
    public void Detect_ConstantSeriesWithJump_ScoresAgainstTheMadFloor()
    {
        // MAD 0 is floored at 5% of 10 = 0.5: (20 − 10) / (1.4826 × 0.5) = 13.49.
        var values = Enumerable.Repeat(10.0, 5 * 24).Append(20).ToArray();

        var anomaly = Assert.Single(AnomalyDetector.Detect("spend", Series(values), Start));

        Assert.Equal(10, anomaly.Expected);
        Assert.Equal(13.49, anomaly.Score, 2);
        Assert.Contains("same hour on 5 previous days", anomaly.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_UnderThreeDays_UsesThePlainLookback()
    {
        var values = Enumerable.Repeat(10.0, 30).Append(20).ToArray();

        var anomaly = Assert.Single(AnomalyDetector.Detect("spend", Series(values), Start));

        Assert.Contains("previous 30 hours", anomaly.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_TooFewPoints_ScoresNothing()
    {
        Assert.Empty(AnomalyDetector.Detect("spend", Series([10, 10, 10, 100]), Start));
    }

    [Fact]
    public void Detect_DropToZero_IsDownward()
    {
        var values = Enumerable.Repeat(40.0, 4 * 24).Append(0).ToArray();

        var anomaly = Assert.Single(AnomalyDetector.Detect("gpu-utilization", Series(values), Start));

        Assert.Equal(AnomalyDirection.Down, anomaly.Direction);
        Assert.True(anomaly.Score < 0);
    }

    [Fact]
    public void Detect_HoursWithoutData_AreSkipped()
    {
        var values = Enumerable.Repeat(40.0, 4 * 24).Append(double.NaN).Append(40).ToArray();

        Assert.Empty(AnomalyDetector.Detect("gpu-utilization", Series(values), Start));
    }
}
