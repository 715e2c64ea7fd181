using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace ControlPlane.Silo.Security;

/// <summary>Authenticates <c>X-Api-Key: KEY</c> or <c>Authorization: ApiKey KEY</c> against the key directory.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyDirectory keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const int MaxKeyLength = 256;

    /// <summary>The key a request presents, or null when it presents none.</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[Header] is { Count: > 0 } header) return header.ToString();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase) ? authorization[(SchemeName.Length + 1)..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } presented) return AuthenticateResult.NoResult();
        if (presented.Length is 0 or > MaxKeyLength) return AuthenticateResult.Fail("the API key is malformed.");
        return await keys.FindAsync(presented) is { } key
            ? AuthenticateResult.Success(new AuthenticationTicket(ApiKeyDirectory.Principal(key, SchemeName), SchemeName))
            : AuthenticateResult.Fail("the API key is not known.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", SchemeName);
        return Task.CompletedTask;
    }
}
