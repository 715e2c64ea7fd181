using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>
/// Where a value sits in a JSON document (member names and array indexes from the root); changes a copy of the
/// document there and returns its bytes, so that a hostile value need not be valid JSON at all.
/// </summary>
public sealed class JsonSlot(IReadOnlyList<object> path)
{
    // A placeholder the serializer writes verbatim and the hostile bytes then replace.
    private const string Marker = "\u0001hostile\u0001";
    private static readonly byte[] MarkerToken = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Marker));

    public IReadOnlyList<object> Path { get; } = path;

    /// <summary>The member name when the slot is in an object, else null.</summary>
    public string? Key => Path.Count > 0 ? Path[^1] as string : null;

    /// <summary>Every value below the root.</summary>
    public static IEnumerable<JsonSlot> All(JsonNode root) => Walk(root, []).Where(s => s.Path.Count > 0);

    /// <summary>The root and every object below it: places an unknown member can go.</summary>
    public static IEnumerable<JsonSlot> Objects(JsonNode root) => Walk(root, []).Where(s => s.Resolve(root) is JsonObject);

    public byte[] Replace(JsonNode document, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(document);
        var copy = document.DeepClone();
        Set(copy, JsonValue.Create(Marker));
        return Splice(Encoding.UTF8.GetBytes(copy.ToJsonString()), MarkerToken, value);
    }

    public byte[] Remove(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var copy = document.DeepClone();
        switch (Parent(copy))
        {
            case JsonObject o: o.Remove((string)Path[^1]); break;
            case JsonArray a: a.RemoveAt((int)Path[^1]); break;
        }
        return Encoding.UTF8.GetBytes(copy.ToJsonString());
    }

    /// <summary>Adds <paramref name="key"/> with <paramref name="value"/> to the object at this slot (after its members).</summary>
    public byte[] AddMember(JsonNode document, string key, byte[] value) => AddMemberAt(document, Path, key, value);

    /// <summary>Adds <paramref name="key"/> to the object at <paramref name="at"/>, creating it if it is missing.</summary>
    public static byte[] AddMemberAt(JsonNode document, IReadOnlyList<object> at, string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(document);
        var copy = document.DeepClone();
        if (new JsonSlot(at).Resolve(copy) is not JsonObject target)
        {
            target = [];
            new JsonSlot(at).Set(copy, target);
        }
        return Member(copy, target, key, value);
    }

    /// <summary>The slot's member written a second time, later in its object, with <paramref name="value"/>.</summary>
    public byte[] Duplicate(JsonNode document, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(document);
        var copy = document.DeepClone();
        return Member(copy, (JsonObject)Parent(copy)!, Key!, value);
    }

    public override string ToString() => Path.Count == 0 ? "$" : "$" + string.Concat(Path.Select(p => p is int i ? $"[{i}]" : $".{p}"));

    private static byte[] Member(JsonNode copy, JsonObject target, string key, byte[] value)
    {
        // The member is written under the marker as its name; the real name (perhaps one the object has already) goes in after.
        target[Marker] = 0;
        var text = Encoding.UTF8.GetBytes(copy.ToJsonString());
        var token = (byte[])[.. MarkerToken, .. ":0"u8];
        return Splice(text, token, [.. Encoding.UTF8.GetBytes(JsonSerializer.Serialize(key)), .. ":"u8, .. value]);
    }

    private static byte[] Splice(byte[] text, byte[] token, byte[] replacement)
    {
        var at = text.AsSpan().IndexOf(token);
        return [.. text[..at], .. replacement, .. text[(at + token.Length)..]];
    }

    private JsonNode? Resolve(JsonNode root)
    {
        JsonNode? node = root;
        foreach (var step in Path) node = step is int i ? node?.AsArray()[i] : node?.AsObject()[(string)step];
        return node;
    }

    private JsonNode? Parent(JsonNode root) => new JsonSlot(Path.Take(Path.Count - 1).ToList()).Resolve(root);

    private void Set(JsonNode root, JsonNode value)
    {
        switch (Parent(root))
        {
            case JsonObject o: o[(string)Path[^1]] = value; break;
            case JsonArray a: a[(int)Path[^1]] = value; break;
        }
    }

    private static IEnumerable<JsonSlot> Walk(JsonNode? node, List<object> path)
    {
        yield return new JsonSlot([.. path]);
        IEnumerable<(object Step, JsonNode? Child)> children = node switch
        {
            JsonObject o => o.Select(p => ((object)p.Key, p.Value)),
            JsonArray a => a.Select((child, i) => ((object)i, child)),
            _ => [],
        };
        foreach (var (step, child) in children)
            foreach (var slot in Walk(child, [.. path, step]))
                yield return slot;
    }
}
