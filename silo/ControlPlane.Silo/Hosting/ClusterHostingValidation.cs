using System.Net;

namespace ControlPlane.Silo.Hosting;

/// <summary>Start-up checks across sections: each problem is one line naming the setting to fix.</summary>
public sealed class ClusterHostingValidation(IOptions<GitOpsOptions> git) : IValidateOptions<ClusterHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options, git.Value).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>What is missing or wrong, one sentence each.</summary>
    public static IEnumerable<string> Problems(ClusterHostingOptions options, GitOpsOptions git)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(git);
        var embedded = string.Equals(options.Mode, ClusterHostingOptions.EmbeddedMode, StringComparison.OrdinalIgnoreCase);
        if (!embedded && !options.IsRedis)
        {
            yield return $"ControlPlane:Cluster:Mode must be '{ClusterHostingOptions.EmbeddedMode}' or '{ClusterHostingOptions.RedisMode}', not '{options.Mode}'";
            yield break;
        }
        if (options.KubernetesHosting && embedded)
            yield return "ControlPlane:Cluster:KubernetesHosting needs ControlPlane:Cluster:Mode redis (Kubernetes hosting is not a membership provider)";
        if (embedded) yield break;
        const string when = "when ControlPlane:Cluster:Mode is redis";
        if (string.IsNullOrWhiteSpace(options.Redis)) yield return $"ControlPlane:Cluster:Redis is required {when}";
        else if (!ParsesAsRedis(options.Redis)) yield return "ControlPlane:Cluster:Redis is not a valid Redis connection string";
        if (string.IsNullOrWhiteSpace(options.ClusterId)) yield return $"ControlPlane:Cluster:ClusterId is required {when}";
        if (string.IsNullOrWhiteSpace(options.ServiceId)) yield return $"ControlPlane:Cluster:ServiceId is required {when}";
        if (options.AdvertisedAddress.Length > 0 && !IPAddress.TryParse(options.AdvertisedAddress, out _))
            yield return $"ControlPlane:Cluster:AdvertisedAddress must be an IP address, not '{options.AdvertisedAddress}'";
        if (options.ProbeTimeout is { } probe && probe <= TimeSpan.Zero) yield return "ControlPlane:Cluster:ProbeTimeout must be positive";
        if (options.TableRefreshTimeout is { } refresh && refresh <= TimeSpan.Zero) yield return "ControlPlane:Cluster:TableRefreshTimeout must be positive";
        if (options.NumMissedProbesLimit is < 1) yield return "ControlPlane:Cluster:NumMissedProbesLimit must be at least 1";
        // Each silo keeps its own clone; only the remote is shared, so the writer can move between silos.
        if (git.RemoteUrl.Length == 0) yield return $"ControlPlane:Git:RemoteUrl is required {when}";
    }

    internal static bool ParsesAsRedis(string connection)
    {
        if (string.IsNullOrWhiteSpace(connection)) return false;
        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(connection).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
