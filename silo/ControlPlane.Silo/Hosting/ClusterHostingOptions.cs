using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ControlPlane.Silo.Hosting;

/// <summary>How the silo finds its peers and keeps grain state (section <c>ControlPlane:Cluster</c>): one embedded silo, or many on Redis.</summary>
public sealed class ClusterHostingOptions
{
    public const string Section = "ControlPlane:Cluster";
    public const string EmbeddedMode = "embedded";
    public const string RedisMode = "redis";

    /// <summary><c>embedded</c> (one silo, SQLite, localhost clustering) or <c>redis</c> (many silos sharing Redis and a Git remote).</summary>
    public string Mode { get; set; } = EmbeddedMode;

    /// <summary>The Redis connection string (StackExchange.Redis syntax) for membership, grain state and reminders.</summary>
    public string Redis { get; set; } = "";

    public string ClusterId { get; set; } = "controlplane";

    public string ServiceId { get; set; } = "controlplane";

    /// <summary>Silo-to-silo port in redis mode; unset uses <c>ControlPlane:Silo:SiloPort</c>.</summary>
    [Range(1, 65535)]
    public int? SiloPort { get; set; }

    /// <summary>Client gateway port in redis mode; unset uses <c>ControlPlane:Silo:GatewayPort</c>.</summary>
    [Range(1, 65535)]
    public int? GatewayPort { get; set; }

    /// <summary>The IP address other silos reach this one at; empty picks the first non-loopback IPv4 address, else loopback.</summary>
    public string AdvertisedAddress { get; set; } = "";

    /// <summary>Orleans' Kubernetes hosting (pod name, namespace and IP from the environment; deletes dead silo pods).</summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>How long a membership probe may take; unset keeps Orleans' default.</summary>
    public TimeSpan? ProbeTimeout { get; set; }

    /// <summary>Missed probes before a silo is suspected; unset keeps Orleans' default.</summary>
    public int? NumMissedProbesLimit { get; set; }

    /// <summary>How often the membership table is re-read; unset keeps Orleans' default.</summary>
    public TimeSpan? TableRefreshTimeout { get; set; }

    public bool IsRedis => string.Equals(Mode, RedisMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The address to advertise: the configured one, else the first up non-loopback IPv4 address, else loopback.</summary>
    public IPAddress Advertised()
    {
        if (IPAddress.TryParse(AdvertisedAddress, out var configured)) return configured;
        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
    }
}
