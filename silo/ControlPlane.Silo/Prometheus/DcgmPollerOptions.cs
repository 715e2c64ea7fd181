using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Silo.Prometheus;

/// <summary>GPU utilization read from Prometheus (section <c>ControlPlane:Prometheus</c>); off while <see cref="Url"/> is empty.</summary>
public sealed class DcgmPollerOptions : IValidatableObject
{
    public const string Section = "ControlPlane:Prometheus";

    /// <summary>DCGM exporter's utilization, averaged over each pod's GPUs, labelled as the exporter labels it with Kubernetes mapping on.</summary>
    public const string DefaultQuery = "avg by (namespace, pod) (DCGM_FI_DEV_GPU_UTIL)";

    /// <summary>Base URL of the Prometheus server (its HTTP API is under <c>/api/v1</c>); empty turns the poller off.</summary>
    public string Url { get; set; } = "";

    /// <summary>A PromQL expression returning an instant vector of utilization in percent, one series per pod.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Query { get; set; } = DefaultQuery;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one query may take; a slower answer counts as a failed poll.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A label carrying <c>namespace/name</c>; when empty the model comes from <see cref="NamespaceLabel"/> and <see cref="PodLabel"/>.</summary>
    public string ModelLabel { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string NamespaceLabel { get; set; } = "namespace";

    [Required(AllowEmptyStrings = false)]
    public string PodLabel { get; set; } = "pod";

    public bool Enabled => Url.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url.Length > 0 && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return new ValidationResult($"{Section}:Url must be an absolute http or https URL.", [nameof(Url)]);
    }
}
