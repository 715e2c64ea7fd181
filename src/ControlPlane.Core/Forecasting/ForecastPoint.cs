namespace ControlPlane.Core.Forecasting;

/// <summary>The forecast for one step ahead (1 = next observation) with its standard error.</summary>
[GenerateSerializer, Immutable]
public sealed record ForecastPoint([Id(0)] int Step, [Id(1)] double Value, [Id(2)] double StandardError)
{
    /// <summary>Two-sided standard normal quantile for an 80% interval.</summary>
    public const double Z80 = 1.2815515655446004;

    /// <summary>Two-sided standard normal quantile for a 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Value ± z × standard error; normal errors are the method's usual assumption.</summary>
    public (double Lower, double Upper) Interval(double z) => (Value - z * StandardError, Value + z * StandardError);

    public (double Lower, double Upper) Interval80 => Interval(Z80);

    public (double Lower, double Upper) Interval95 => Interval(Z95);
}
