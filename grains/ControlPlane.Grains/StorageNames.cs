namespace ControlPlane.Grains;

/// <summary>The grain storage every control-plane grain persists to.</summary>
public static class StorageNames
{
    public const string Default = "controlplane";
}
