using System.ComponentModel.DataAnnotations;

namespace ControlPlane.Silo.Hosting;

/// <summary>Where the embedded plane keeps its state and which ports the silo uses (section <c>ControlPlane</c>).</summary>
public sealed class ControlPlaneOptions
{
    public const string Section = "ControlPlane";

    /// <summary>Grain state (<c>grains.db</c>) and the bare repository (<c>gitops.git</c>) live here.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    public SiloEndpointOptions Silo { get; set; } = new();

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
