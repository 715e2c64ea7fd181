using System.Globalization;
using ControlPlane.Core.Naming;
using ControlPlane.Core.Rollout;

namespace ControlPlane.Core.Signals;

/// <summary>Checks one drift sample; a bad sample is rejected alone, never the whole batch.</summary>
public static class DriftSampleRules
{
    /// <summary>Null when the sample is usable, else the reason it is not.</summary>
    public static string? Check(DriftSample sample, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!ModelId.TryParse(sample.Model, out _, out var error)) return error;
        if (Fields.FieldRules.Version.Check("version", sample.Version) is { } badVersion) return badVersion;
        if (sample.Timestamp == default) return "timestamp is required.";
        if (sample.Timestamp > now + GpuSampleRules.MaxClockSkew) return $"timestamp {sample.Timestamp:O} is more than {GpuSampleRules.MaxClockSkew.TotalMinutes} minutes in the future.";
        return sample.IsRaw ? CheckRaw(sample) : CheckComputed(sample);
    }

    private static string? CheckRaw(DriftSample sample)
    {
        if (sample.Kind is not null || sample.Metric is not null || sample.Value is not null)
            return "a raw observation carries feature and values or counts, not kind, metric or value.";
        return ReferenceRules.CheckFeatureName("feature", sample.Feature)
            ?? ReferenceRules.Check("observation", new FeatureReference(sample.Values, sample.Counts));
    }

    private static string? CheckComputed(DriftSample sample)
    {
        if (sample.Kind is null || !QualityMetrics.Kinds.Contains(sample.Kind))
            return $"kind must be one of: {string.Join(", ", QualityMetrics.Kinds)} (or send raw values or counts).";
        if (sample.Metric is null || !QualityMetrics.Known.TryGetValue(sample.Metric, out var metric))
            return $"metric must be one of: {string.Join(", ", QualityMetrics.Known.Keys)}.";
        if (metric.Kind != sample.Kind) return $"metric '{sample.Metric}' is of kind '{metric.Kind}', not '{sample.Kind}'.";
        if (sample.Value is not { } value || !double.IsFinite(value)) return "value must be a finite number.";
        if (value < metric.Low || value > metric.High)
            return string.Create(CultureInfo.InvariantCulture, $"{sample.Metric} must be between {metric.Low} and {(metric.High == double.MaxValue ? "∞" : metric.High)}; got {value}.");
        if (sample.Feature is not null && ReferenceRules.CheckFeatureName("feature", sample.Feature) is { } badFeature) return badFeature;
        return null;
    }
}
