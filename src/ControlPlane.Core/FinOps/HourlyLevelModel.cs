namespace ControlPlane.Core.FinOps;

/// <summary>
/// The next hours' expected value fitted on complete hours only: a per-hour-of-day median profile scaled so its
/// last <c>recentHours</c> match what was actually spent (seasonal), or the recent mean (flat).
/// </summary>
internal sealed class HourlyLevelModel
{
    private readonly double[]? _profile;
    private readonly double _level;

    private HourlyLevelModel(double[]? profile, double level, int levelHours)
    {
        _profile = profile;
        _level = level;
        LevelHours = levelHours;
    }

    /// <summary>How many hours the level was estimated from: its own error shrinks as 1/√n.</summary>
    public int LevelHours { get; }

    public bool IsSeasonal => _profile is not null;

    public double Predict(int hourOfDay) => _profile is null ? _level : _level * _profile[hourOfDay];

    /// <summary>Fits on values[0..end), where values[0] falls in UTC hour-of-day <paramref name="startHour"/>; null without data.</summary>
    public static HourlyLevelModel? Fit(IReadOnlyList<double> values, int startHour, int end, bool seasonal, SpendForecastOptions options)
    {
        if (end <= 0) return null;
        var recent = Math.Min(end, options.RecentHours);
        var recentSum = 0.0;
        for (var i = end - recent; i < end; i++) recentSum += values[i];
        if (!seasonal) return new HourlyLevelModel(null, recentSum / recent, recent);

        var from = Math.Max(0, end - options.ProfileDays * 24);
        var profile = new double[24];
        var atHour = new double[(end - from + 23) / 24];
        for (var hod = 0; hod < 24; hod++)
        {
            var first = from + (((hod - startHour - from) % 24) + 24) % 24;
            var n = 0;
            for (var i = first; i < end; i += 24) atHour[n++] = values[i];
            profile[hod] = Math.Max(0, RobustStatistics.MedianInPlace(atHour.AsSpan(0, n)));
        }
        var profileSum = 0.0;
        for (var i = end - recent; i < end; i++) profileSum += profile[(startHour + i) % 24];
        // A profile of zeros (spend only in rare spikes) has no shape to scale: carry the recent mean instead.
        return profileSum <= 0
            ? new HourlyLevelModel(null, recentSum / recent, recent)
            : new HourlyLevelModel(profile, recentSum / profileSum, recent);
    }
}
