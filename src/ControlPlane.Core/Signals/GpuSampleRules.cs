using ControlPlane.Core.Naming;

namespace ControlPlane.Core.Signals;

/// <summary>Checks one sample; a bad sample is rejected alone, never the whole batch.</summary>
public static class GpuSampleRules
{
    /// <summary>Samples further in the future than this are clock skew or forgery.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Null when the sample is usable, else the reason it is not.</summary>
    public static string? Check(GpuSample sample, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!ModelId.TryParse(sample.Model, out _, out var error)) return error;
        if (!double.IsFinite(sample.GpuUtilization) || sample.GpuUtilization is < 0 or > 100)
            return "gpuUtilization must be a finite number between 0 and 100.";
        if (sample.GpuMemoryUsedBytes is < 0) return "gpuMemoryUsedBytes must not be negative.";
        if (sample.RequestsPerSecond is { } rps && (!double.IsFinite(rps) || rps < 0))
            return "requestsPerSecond must be a finite number of at least 0.";
        if (sample.Timestamp == default) return "timestamp is required.";
        if (sample.Timestamp > now + MaxClockSkew) return $"timestamp {sample.Timestamp:O} is more than {MaxClockSkew.TotalMinutes} minutes in the future.";
        if (sample.Pod is { } pod && !Dns1123.IsLabel(pod) && !IsPodName(pod))
            return $"pod '{Dns1123.Printable(pod)}' is not a valid pod name.";
        return null;
    }

    // Pod names are DNS-1123 subdomains (dots allowed), at most 253 characters.
    private static bool IsPodName(string pod) =>
        pod.Length <= 253 && pod.Split('.').All(Dns1123.IsLabel);
}
