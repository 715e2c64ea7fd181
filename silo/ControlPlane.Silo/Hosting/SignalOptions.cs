using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Silo.Hosting;

/// <summary>Limits on signal batches (section <c>ControlPlane:Signals</c>).</summary>
public sealed class SignalOptions
{
    public const string Section = "ControlPlane:Signals";

    /// <summary>Samples one POST may carry; larger batches get 413.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchSamples { get; set; } = 10_000;
}
