namespace ControlPlane.Core.Tests.Forecasting;

/// <summary>A synthetic load: level + trend·t + amplitude·sin(2πt/season) + Gaussian noise from a fixed seed.</summary>
internal static class SeasonalSeries
{
    public const int Season = 24;

    public static double[] Generate(int length, double level = 100, double trend = 0.5, double amplitude = 20, double noise = 1, int seed = 42)
    {
        var random = new Random(seed);
        var series = new double[length];
        for (var t = 0; t < length; t++)
        {
            // Box–Muller: a normal draw from two uniform ones, so the test needs no extra package.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            series[t] = level + trend * t + amplitude * Math.Sin(2 * Math.PI * t / Season) + noise * gaussian;
        }
        return series;
    }
}
