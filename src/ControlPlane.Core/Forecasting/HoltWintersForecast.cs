namespace ControlPlane.Core.Forecasting;

/// <summary>Point forecasts with standard errors for steps 1..h, and what they rest on.</summary>
[GenerateSerializer, Immutable]
public sealed record HoltWintersForecast([Id(0)] IReadOnlyList<ForecastPoint> Points, [Id(1)] ForecastBasis Basis)
{
    public static readonly HoltWintersForecast None = new([], ForecastBasis.NoData);
}
