using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Grains;

/// <summary>How model grains keep their logs and retry their commits (section <c>ControlPlane:Models</c>).</summary>
public sealed class ModelGrainOptions
{
    public const string Section = "ControlPlane:Models";

    /// <summary>Decisions kept per model; older ones remain in Git history.</summary>
    [Range(10, 100_000)]
    public int DecisionLogCapacity { get; set; } = 200;

    /// <summary>How often a model's running cost is added to its budget while signals arrive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AccrualInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First wait before retrying a commit that failed; doubles up to a minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CommitRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
