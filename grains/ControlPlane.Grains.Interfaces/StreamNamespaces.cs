namespace ControlPlane.Grains;

/// <summary>Names of the Orleans streams and their provider; one stream per model, keyed <c>namespace/name</c>.</summary>
public static class StreamNamespaces
{
    public const string Provider = "signals";
    public const string Gpu = "gpu";
    public const string Drift = "drift";
}
