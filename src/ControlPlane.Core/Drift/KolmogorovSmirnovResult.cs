namespace ControlPlane.Core.Drift;

/// <summary>A two-sample, two-sided Kolmogorov–Smirnov test: D, its p-value and how the p-value was obtained.</summary>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue, string Method)
{
    public const string Exact = "exact";
    public const string Asymptotic = "asymptotic";
}
