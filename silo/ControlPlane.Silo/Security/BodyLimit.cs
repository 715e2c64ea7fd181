using Microsoft.AspNetCore.Http.Metadata;

namespace ControlPlane.Silo.Security;

/// <summary>The largest body an endpoint reads; Kestrel enforces it, and <see cref="BoundedBody"/> does wherever the server does not.</summary>
public sealed class BodyLimit(long bytes) : IRequestSizeLimitMetadata
{
    /// <summary>A model, budget or cluster spec, a version proposal with its reference distributions, a rollback.</summary>
    public const long Spec = 256 * 1024;

    /// <summary>Key management bodies are a name and a role.</summary>
    public const long Small = 4 * 1024;

    public long? MaxRequestBodySize => bytes;
}

/// <summary>Declares body limits on endpoints.</summary>
public static class BodyLimits
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));
}
