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
        var hoursLeft = Math.Max((BudgetPeriod.EndOf(spec.Period, now) - now).TotalHours, 1.0 / 3600);
        double Projected(int replicas) => spend + (othersRatePerHour + replicas * costPerReplicaHour) * hoursLeft;
        var inv = CultureInfo.InvariantCulture;

        var projected = Projected(desiredReplicas);
        if (projected <= spec.Limit || costPerReplicaHour <= 0)
            return new BudgetAnswer(desiredReplicas, projected, spec.Limit, false, spec.Enforcement,
                string.Format(inv, "projected {0:0.##} of {1:0.##} {2} by period end", projected, spec.Limit, spec.Currency));

        var affordable = (int)Math.Floor(((spec.Limit - spend) / hoursLeft - othersRatePerHour) / costPerReplicaHour);
        var over = string.Format(inv, "projected {0:0.##} exceeds the {1:0.##} {2} limit; {3} replicas fit", projected, spec.Limit, spec.Currency, Math.Max(affordable, 0));
        if (spec.Enforcement == BudgetEnforcement.Warn)
            return new BudgetAnswer(desiredReplicas, projected, spec.Limit, true, spec.Enforcement, over + " (warn only)");
        var allowed = Math.Max(currentReplicas, Math.Min(desiredReplicas, affordable));
        return new BudgetAnswer(allowed, Projected(allowed), spec.Limit, true, spec.Enforcement, over + $" (deny: capped at {allowed})");
    }
}
