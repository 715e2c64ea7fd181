using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Silo.Hosting;

/// <summary>Limits on signal batches (section <c>ControlPlane:Signals</c>).</summary>
public sealed class SignalOptions
{
    public const string Section = "ControlPlane:Signals";

    /// <summary>Samples one POST may carry; larger batches get 413.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchSamples { get; set; } = 10_000;

    /// <summary>Bytes one POST may carry (about 400 bytes per sample at the default count); larger bodies get 413.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How long an idle stream queue waits before it is polled again. Orleans' default of 100 ms would add
    /// 50 ms to the average decision; a few milliseconds cost a few hundred cheap timer ticks a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(5);
}
