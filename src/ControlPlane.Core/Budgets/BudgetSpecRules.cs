using System.Text.RegularExpressions;

namespace ControlPlane.Core.Budgets;

/// <summary>Checks a <see cref="BudgetSpec"/>; every problem is one sentence.</summary>
public static partial class BudgetSpecRules
{
    public const double MaxLimit = 1e12;
    public const int MaxThresholds = 10;
    public const double MaxThresholdPercent = 1000;
    public static readonly string[] Periods = ["daily", "weekly", "monthly"];

    [GeneratedRegex("^[A-Z]{3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();

    public static List<string> Validate(BudgetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<string>();
        if (!double.IsFinite(spec.Limit) || spec.Limit is <= 0 or > MaxLimit) errors.Add($"limit must be a finite number above 0 and at most {MaxLimit:0}.");
        if (!Periods.Contains(spec.Period)) errors.Add($"period must be one of: {string.Join(", ", Periods)}.");
        if (!CurrencyCode().IsMatch(spec.Currency ?? "")) errors.Add("currency must be a three-letter ISO 4217 code such as USD.");
        if (!BudgetEnforcement.All.Contains(spec.Enforcement)) errors.Add($"enforcement must be one of: {string.Join(", ", BudgetEnforcement.All)}.");
        if (spec.Thresholds is { } thresholds
            && (thresholds.Count is < 1 or > MaxThresholds || thresholds.Any(t => !double.IsFinite(t) || t is <= 0 or > MaxThresholdPercent)))
            errors.Add($"thresholds must list 1 to {MaxThresholds} percentages of the limit, each above 0 and at most {MaxThresholdPercent:0}.");
        return errors;
    }
}
