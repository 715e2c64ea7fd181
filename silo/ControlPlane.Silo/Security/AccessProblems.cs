using Microsoft.AspNetCore.Authorization;

namespace ControlPlane.Silo.Security;

/// <summary>The details of 401 and 403 answers: what to send, and which role the endpoint needs.</summary>
public static class AccessProblems
{
    public const string Unauthenticated =
        "authentication required: send an API key as 'X-Api-Key: KEY' (or 'Authorization: Bearer TOKEN' where an OIDC issuer is configured).";

    public static string Forbidden(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var needed = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(Roles.IsKnown);
        var held = string.Join(", ", Roles.All.Where(context.User.IsInRole));
        return $"{context.Request.Method} {context.Request.Path} needs the '{needed ?? Roles.Admin}' role; the caller has {(held.Length > 0 ? $"'{held}'" : "no role")}.";
    }
}
