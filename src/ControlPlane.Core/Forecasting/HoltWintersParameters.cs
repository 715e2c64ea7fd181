using System.Globalization;

namespace ControlPlane.Core.Forecasting;

/// <summary>
/// Smoothing weights of additive damped Holt–Winters in error-correction form: level <see cref="Alpha"/>,
/// trend <see cref="Beta"/> (as a share of the level's correction), seasonal <see cref="Gamma"/>, trend damping
/// <see cref="Phi"/>, and the season length in observations (1 = no seasonality, damped Holt).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HoltWintersParameters(
    [Id(0)] double Alpha,
    [Id(1)] double Beta,
    [Id(2)] double Gamma,
    [Id(3)] double Phi,
    [Id(4)] int SeasonLength,
    [Id(5)] int ErrorWindow = 60)
{
    /// <summary>Observations collected before the model is initialized: two seasons separate trend from season.</summary>
    public int WarmUpLength => SeasonLength == 1 ? 1 : 2 * SeasonLength;

    /// <summary>Why these parameters cannot drive the method, or null when they can.</summary>
    public string? Problem()
    {
        // The ranges keep the recursions stable (Hyndman et al., "Forecasting with Exponential Smoothing", ch. 10).
        if (!(Alpha > 0 && Alpha < 1)) return F("alpha must lie in (0, 1), not {0}", Alpha);
        if (!(Beta >= 0 && Beta <= 1)) return F("beta must lie in [0, 1], not {0}", Beta);
        if (!(Gamma >= 0 && Gamma <= 1 - Alpha)) return F("gamma must lie in [0, 1 - alpha], not {0}", Gamma);
        if (!(Phi > 0 && Phi <= 1)) return F("phi must lie in (0, 1], not {0}", Phi);
        if (SeasonLength < 1) return F("season length must be at least 1, not {0}", SeasonLength);
        if (ErrorWindow < 1) return F("error window must be at least 1, not {0}", ErrorWindow);
        return null;
    }

    /// <summary>Throws when <see cref="Problem"/> finds one; for callers that validated at the edge already.</summary>
    public void EnsureValid()
    {
        if (Problem() is { } problem) throw new ArgumentException(problem);
    }

    private static string F(string format, double value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
