namespace ControlPlane.Core.FinOps;

/// <summary>One value per UTC hour from <see cref="Start"/>, oldest first; <see cref="double.NaN"/> marks an hour without data.</summary>
[GenerateSerializer, Immutable]
public sealed record HourlySeries([Id(0)] DateTimeOffset Start, [Id(1)] IReadOnlyList<double> Values)
{
    public static readonly HourlySeries Empty = new(DateTimeOffset.UnixEpoch, []);

    /// <summary>The hour after the last value.</summary>
    public DateTimeOffset End => Start.AddHours(Values.Count);

    public DateTimeOffset HourAt(int index) => Start.AddHours(index);

    /// <summary>The UTC hour that contains <paramref name="at"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    /// <summary>Hourly means of point readings (e.g. GPU utilization) over [from, to); hours without a reading are NaN, not 0.</summary>
    public static HourlySeries Average(IEnumerable<(DateTimeOffset At, double Value)> readings, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var start = HourOf(from);
        var hours = Math.Max(0, (int)Math.Ceiling((to - start).TotalHours));
        var sums = new double[hours];
        var counts = new int[hours];
        foreach (var (at, value) in readings)
        {
            var i = (int)Math.Floor((at - start).TotalHours);
            if (i < 0 || i >= hours || at >= to || !double.IsFinite(value)) continue;
            sums[i] += value;
            counts[i]++;
        }
        return new HourlySeries(start, sums.Select((s, i) => counts[i] == 0 ? double.NaN : s / counts[i]).ToList());
    }
}
