namespace ControlPlane.Core.Signals;

/// <summary>
/// Which labels of a DCGM utilization series name the model it belongs to. With <see cref="ModelLabel"/> set, that
/// label carries <c>namespace/name</c>. Without it, the model is <c>{namespace label}/{pod name prefix}</c>: a
/// Deployment names its pods <c>&lt;name&gt;-&lt;replicaset hash&gt;-&lt;suffix&gt;</c>, so dropping the last two
/// dash-separated parts of the pod name gives the Deployment, which the plane names after the model.
/// </summary>
public sealed record DcgmSeriesMapping(string? ModelLabel = null, string NamespaceLabel = "namespace", string PodLabel = "pod")
{
    /// <summary>The GPU sample a series stands for, or why it names no model.</summary>
    public (GpuSample? Sample, string? Problem) Map(PrometheusSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var pod = series.Labels.GetValueOrDefault(PodLabel);
        string model;
        if (!string.IsNullOrEmpty(ModelLabel))
        {
            if (series.Labels.GetValueOrDefault(ModelLabel) is not { Length: > 0 } labelled)
                return (null, $"series {series.Describe()} has no '{ModelLabel}' label.");
            model = labelled;
        }
        else
        {
            if (series.Labels.GetValueOrDefault(NamespaceLabel) is not { Length: > 0 } ns)
                return (null, $"series {series.Describe()} has no '{NamespaceLabel}' label.");
            if (string.IsNullOrEmpty(pod)) return (null, $"series {series.Describe()} has no '{PodLabel}' label.");
            if (DeploymentOf(pod) is not { } name)
                return (null, $"pod '{pod}' of series {series.Describe()} is not named like a Deployment's pod (<name>-<hash>-<suffix>).");
            model = $"{ns}/{name}";
        }
        return (new GpuSample(model, series.Timestamp, series.Value, string.IsNullOrEmpty(pod) ? null : pod), null);
    }

    /// <summary>The Deployment a pod named <c>&lt;name&gt;-&lt;hash&gt;-&lt;suffix&gt;</c> belongs to, or null.</summary>
    public static string? DeploymentOf(string pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var suffix = pod.LastIndexOf('-');
        if (suffix <= 0) return null;
        var hash = pod.LastIndexOf('-', suffix - 1);
        return hash <= 0 || hash == suffix - 1 || suffix == pod.Length - 1 ? null : pod[..hash];
    }
}
