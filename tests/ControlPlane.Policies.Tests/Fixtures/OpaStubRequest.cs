using System.Text.Json.Nodes;

namespace ControlPlane.Policies.Tests.Fixtures;

/// <summary>A request the OPA Data API stub received, as sent.</summary>
internal sealed record OpaStubRequest(string Method, string Path, string? ContentType, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("the request body is JSON null");

    public JsonNode Input => Json["input"] ?? throw new InvalidOperationException("the request body has no input");
}
