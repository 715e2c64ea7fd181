namespace ControlPlane.Core.Forecasting;

/// <summary>Where a forecast came from, so that callers can trust a fitted model more than a warm-up guess.</summary>
public enum ForecastBasis
{
    /// <summary>No observation yet: there are no forecast points.</summary>
    NoData,

    /// <summary>Fewer observations than a season: the mean of what was seen, with their spread as error.</summary>
    WarmUpMean,

    /// <summary>The fitted level, damped trend and seasonal terms.</summary>
    Fitted,
}
