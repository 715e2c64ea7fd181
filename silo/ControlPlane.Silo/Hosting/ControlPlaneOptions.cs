using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Silo.Hosting;

/// <summary>Where the embedded plane keeps its state and which ports the silo uses (section <c>ControlPlane</c>).</summary>
public sealed class ControlPlaneOptions
{
    public const string Section = "ControlPlane";

    /// <summary>Grain state (<c>grains.db</c>) and the bare repository (<c>gitops.git</c>) live here.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    [ValidateObjectMembers]
    public SiloEndpointOptions Silo { get; set; } = new();

    /// <summary>How long a stop (SIGTERM) may take: in-flight requests finish and the silo leaves the cluster within it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Between /readyz turning 503 and the gateway closing: time for load balancers to stop sending new requests.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownDelay { get; set; } = TimeSpan.Zero;

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}

/// <summary>The silo-to-silo and client gateway ports of the Orleans silo.</summary>
public sealed class SiloEndpointOptions
{
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}
