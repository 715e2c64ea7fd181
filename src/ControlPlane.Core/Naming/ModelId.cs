namespace ControlPlane.Core.Naming;

/// <summary>A model's identity, <c>namespace/name</c>; both parts are DNS-1123 labels.</summary>
[GenerateSerializer, Immutable]
public sealed record ModelId([Id(0)] string Namespace, [Id(1)] string Name)
{
    /// <summary>The grain key and stream key: <c>namespace/name</c>.</summary>
    public override string ToString() => $"{Namespace}/{Name}";

    public static bool TryCreate(string? ns, string? name, out ModelId id, out string? error)
    {
        error = Dns1123.CheckLabel("namespace", ns) ?? Dns1123.CheckLabel("name", name);
        id = error is null ? new ModelId(ns!, name!) : new ModelId("", "");
        return error is null;
    }

    public static bool TryParse(string? key, out ModelId id, out string? error)
    {
        var slash = key?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (key is null || slash < 0)
        {
            id = new ModelId("", "");
            error = $"model '{Dns1123.Printable(key)}' must be written as <namespace>/<name>.";
            return false;
        }
        return TryCreate(key[..slash], key[(slash + 1)..], out id, out error);
    }
}
