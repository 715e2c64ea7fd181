using System.Globalization;

namespace ControlPlane.Core.Budgets;

/// <summary>
/// Projects spend to the end of the period (spend so far + every model's hourly rate × hours left)
/// and, under <c>deny</c>, caps a scale-up at the replicas the remaining budget pays for.
/// </summary>
public static class BudgetGuard
{
    public static BudgetAnswer Check(BudgetSpec spec, double spend, double othersRatePerHour, DateTimeOffset now,
        int currentReplicas, int desiredReplicas, double costPerReplicaHour)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var hoursLeft = BudgetPeriod.HoursLeft(spec.Period, now);
        double Projected(int replicas) => AtPeriodEnd(spend, othersRatePerHour + replicas * costPerReplicaHour, hoursLeft);
        var inv = CultureInfo.InvariantCulture;

        var projected = Projected(desiredReplicas);
        if (projected <= spec.Limit || costPerReplicaHour <= 0)
            return new BudgetAnswer(desiredReplicas, projected, spec.Limit, false, spec.Enforcement,
                string.Format(inv, "projected {0:0.##} of {1:0.##} {2} by period end", projected, spec.Limit, spec.Currency));

        // hoursLeft is never 0 (a period ends after now), but a floor of a second keeps the division finite regardless.
        var affordable = (int)Math.Floor(((spec.Limit - spend) / Math.Max(hoursLeft, 1.0 / 3600) - othersRatePerHour) / costPerReplicaHour);
        var over = string.Format(inv, "projected {0:0.##} exceeds the {1:0.##} {2} limit; {3} replicas fit", projected, spec.Limit, spec.Currency, Math.Max(affordable, 0));
        if (spec.Enforcement == BudgetEnforcement.Warn)
            return new BudgetAnswer(desiredReplicas, projected, spec.Limit, true, spec.Enforcement, over + " (warn only)");
        var allowed = Math.Max(currentReplicas, Math.Min(desiredReplicas, affordable));
        return new BudgetAnswer(allowed, Projected(allowed), spec.Limit, true, spec.Enforcement, over + $" (deny: capped at {allowed})");
    }

    /// <summary>
    /// The guard's projection at the rates held now, as the budget's view shows it: the same arithmetic as
    /// <see cref="Check"/>, so the figure an operator reads is the one a scale-up is judged by.
    /// </summary>
    public static ReservedRateProjection Project(BudgetSpec spec, double spend, IReadOnlyDictionary<string, double> rateByModel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rateByModel);
        var rate = rateByModel.Values.Sum();
        var hoursLeft = BudgetPeriod.HoursLeft(spec.Period, now);
        var projected = AtPeriodEnd(spend, rate, hoursLeft);
        return new ReservedRateProjection(rate, rateByModel, hoursLeft, projected, projected > spec.Limit);
    }

    private static double AtPeriodEnd(double spend, double ratePerHour, double hoursLeft) => spend + ratePerHour * hoursLeft;
}
