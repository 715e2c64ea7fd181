using ControlPlane.Core.Signals;

namespace ControlPlane.Core.Scaling;

/// <summary>The recent GPU utilization of a model, oldest first, bounded in age and count.</summary>
[GenerateSerializer, Immutable]
public sealed record GpuUtilizationWindow([Id(0)] IReadOnlyList<UtilizationPoint> Points)
{
    public const int MaxPoints = 4096;
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    public static readonly GpuUtilizationWindow Empty = new([]);

    /// <summary>Adds samples (in any order) and drops what is older than <see cref="MaxAge"/> or beyond <see cref="MaxPoints"/>.</summary>
    public GpuUtilizationWindow Add(IEnumerable<GpuSample> samples, DateTimeOffset now)
    {
        var cutoff = now - MaxAge;
        var points = Points.Concat(samples.Select(s => new UtilizationPoint(s.Timestamp, s.GpuUtilization, s.RequestsPerSecond)))
            .Where(p => p.At >= cutoff)
            .OrderBy(p => p.At)
            .ToList();
        return new GpuUtilizationWindow(points.Count > MaxPoints ? points[^MaxPoints..] : points);
    }

    /// <summary>Mean utilization over the last <paramref name="span"/>, or null when nothing arrived in it.</summary>
    public double? MeanOver(TimeSpan span, DateTimeOffset now) => Mean(span, now, p => p.Utilization);

    /// <summary>Mean requests per second per pod over the last <paramref name="span"/>, or null when no sample carried it.</summary>
    public double? MeanRequestsPerSecondOver(TimeSpan span, DateTimeOffset now) => Mean(span, now, p => p.RequestsPerSecond);

    /// <summary>How many samples fall in the last <paramref name="span"/>.</summary>
    public int CountOver(TimeSpan span, DateTimeOffset now) => Points.Count(p => p.At >= now - span && p.At <= now);

    private double? Mean(TimeSpan span, DateTimeOffset now, Func<UtilizationPoint, double?> value)
    {
        var since = now - span;
        double sum = 0;
        var count = 0;
        for (var i = Points.Count - 1; i >= 0 && Points[i].At >= since; i--)
        {
            if (Points[i].At > now || value(Points[i]) is not { } v) continue;
            sum += v;
            count++;
        }
        return count == 0 ? null : sum / count;
    }
}
