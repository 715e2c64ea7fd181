using ControlPlane.Core.Decisions;
using Microsoft.AspNetCore.Authorization;
using Orleans.Runtime;

namespace ControlPlane.Silo.Security;

/// <summary>Puts the caller's name on the grain calls a request makes, so that the decisions they cause name it; an unrecordable name is refused.</summary>
public static class RequestedBy
{
    public static WebApplication UseRequestedBy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (context.User.Identity is { IsAuthenticated: true } identity && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                // The name lands in decision logs and Requested-By trailers exactly as given, or not at all.
                var name = CallerName(context);
                if (Requester.Check(name) is { } unrecordable)
                {
                    await Api.Problems.BadRequest($"{unrecordable} The name comes from {Source(context, identity)}.").ExecuteAsync(context);
                    return;
                }
                RequestContext.Set(Requester.ContextKey, name);
            }
            await next(context);
        });
        return app;
    }

    /// <summary>The caller's name as its credential gives it, before any check: <c>key/NAME</c> or <c>oidc/SUBJECT</c>.</summary>
    public static string CallerName(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = context.User.Identity;
        var name = identity?.Name ?? "unknown";
        return identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? name : $"oidc/{name}";
    }

    private static string Source(HttpContext context, System.Security.Principal.IIdentity identity) =>
        identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName
            ? "the key's name"
            : $"the token's '{context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt.NameClaim}' claim (ControlPlane:Auth:Jwt:NameClaim)";
}
