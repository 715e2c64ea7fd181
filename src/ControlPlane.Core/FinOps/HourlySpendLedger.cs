using ControlPlane.Core.Budgets;

namespace ControlPlane.Core.FinOps;

/// <summary>Spend per UTC hour for one model or budget, oldest first, keeping the newest <see cref="MaxHours"/> hours.</summary>
[GenerateSerializer, Immutable]
public sealed record HourlySpendLedger([Id(0)] IReadOnlyList<SpendBucket> Buckets)
{
    /// <summary>Eight weeks: enough for a monthly forecast's seasonal profile, small enough for grain state (~1.3k buckets).</summary>
    public const int MaxHours = 8 * 7 * 24;

    public static readonly HourlySpendLedger Empty = new([]);

    /// <summary>The first hour with a bucket, or null when nothing has been accrued.</summary>
    public DateTimeOffset? FirstHour => Buckets.Count == 0 ? null : Buckets[0].HourStart;

    /// <summary>Spreads <paramref name="amount"/> evenly over [from, to), split at hour boundaries; a zero-length interval lands in from's hour.</summary>
    public HourlySpendLedger Accrue(double amount, DateTimeOffset from, DateTimeOffset to)
    {
        if (!double.IsFinite(amount) || amount <= 0) return this;
        if (to <= from) return Merge([new SpendBucket(HourlySeries.HourOf(from), amount)]);

        var total = (to - from).Ticks;
        // Hours older than the cap would be trimmed anyway; skipping them bounds the loop after a long gap.
        var first = HourlySeries.HourOf(from);
        var floor = HourlySeries.HourOf(to).AddHours(-MaxHours);
        var hour = first < floor ? floor : first;
        var added = new List<SpendBucket>();
        for (; hour < to; hour = hour.AddHours(1))
        {
            var start = hour < from ? from : hour;
            var end = hour.AddHours(1) > to ? to : hour.AddHours(1);
            if (end > start) added.Add(new SpendBucket(hour, amount * (end - start).Ticks / total));
        }
        return Merge(added);
    }

    /// <summary>Accrues OpenCost's allocation, max(requested, used) GPUs × price, over [from, to).</summary>
    public HourlySpendLedger AccrueGpus(int gpusRequested, double gpusUsed, double pricePerGpuHour, DateTimeOffset from, DateTimeOffset to) =>
        Accrue(CostAccrual.Cost(gpusRequested, gpusUsed, pricePerGpuHour, to - from), from, to);

    /// <summary>The sum of the buckets whose hour starts in [from, to); exact for hour-aligned bounds such as budget periods.</summary>
    public double SpendBetween(DateTimeOffset from, DateTimeOffset to) =>
        Buckets.Where(b => b.HourStart >= from && b.HourStart < to).Sum(b => b.Amount);

    /// <summary>Spend in the budget period (<see cref="BudgetPeriod"/>) that contains <paramref name="now"/>.</summary>
    public double SpendInPeriod(string period, DateTimeOffset now) =>
        SpendBetween(BudgetPeriod.StartOf(period, now), BudgetPeriod.EndOf(period, now));

    /// <summary>Dense hourly spend over [from, to); hours without a bucket spent nothing, so they are 0.</summary>
    public HourlySeries ToSeries(DateTimeOffset from, DateTimeOffset to)
    {
        var start = HourlySeries.HourOf(from);
        var values = new double[Math.Max(0, (int)Math.Ceiling((to - start).TotalHours))];
        foreach (var b in Buckets)
        {
            var i = (int)((b.HourStart - start).Ticks / TimeSpan.TicksPerHour);
            if (b.HourStart >= start && i < values.Length) values[i] += b.Amount;
        }
        return new HourlySeries(start, values);
    }

    /// <summary>Only the buckets whose hour starts at or after <paramref name="from"/>: grains that need less than eight weeks keep less.</summary>
    public HourlySpendLedger Since(DateTimeOffset from) =>
        Buckets.Count == 0 || Buckets[0].HourStart >= from ? this : new HourlySpendLedger(Buckets.Where(b => b.HourStart >= from).ToList());

    /// <summary>Hour-by-hour sum of several ledgers, e.g. a budget's models; capped like any ledger.</summary>
    public static HourlySpendLedger Sum(IEnumerable<HourlySpendLedger> ledgers)
    {
        ArgumentNullException.ThrowIfNull(ledgers);
        return Empty.Merge(ledgers.SelectMany(l => l.Buckets));
    }

    private HourlySpendLedger Merge(IEnumerable<SpendBucket> added)
    {
        var byHour = new SortedDictionary<DateTimeOffset, double>();
        foreach (var b in Buckets.Concat(added))
            byHour[b.HourStart] = byHour.GetValueOrDefault(b.HourStart) + b.Amount;
        if (byHour.Count == 0) return Empty;
        var cutoff = byHour.Keys.Last().AddHours(-(MaxHours - 1));
        return new HourlySpendLedger(byHour.Where(kv => kv.Key >= cutoff).Select(kv => new SpendBucket(kv.Key, kv.Value)).ToList());
    }
}
