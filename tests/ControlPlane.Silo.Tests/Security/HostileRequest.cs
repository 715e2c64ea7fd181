using System.Text;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>One request the fuzz sends: which endpoint it aims at, the method, path and body bytes, and what was changed.</summary>
public sealed record HostileRequest(string Endpoint, HttpMethod Method, string Path, byte[] Body, string Mutation)
{
    /// <summary>Enough of the request to replay it by hand; a megabyte body is clipped.</summary>
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body);
        var clipped = text.Length > 400 ? $"{text[..400]}… ({Body.Length} bytes)" : text;
        return $"{Method} {Path} [{Mutation}] {System.Text.Json.JsonSerializer.Serialize(clipped)}";
    }
}
