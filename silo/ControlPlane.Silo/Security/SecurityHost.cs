using System.Threading.RateLimiting;
using ControlPlane.Core.Decisions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using ControlPlane.Silo.Hosting;

namespace ControlPlane.Silo.Security;

/// <summary>Authentication (API keys, optional OIDC bearer tokens), roles, rate limits and body limits of the gateway.</summary>
public static class SecurityHost
{
    private const string Selector = "controlplane";

    public static WebApplicationBuilder AddControlPlaneSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSettings<AuthOptions>(builder.Configuration, AuthOptions.Section);
        builder.Services.AddSingleton<ApiKeyDirectory>();
        builder.Services.AddSingleton(new AdminKeyConsole(Console.Out));
        builder.Services.AddHostedService<AdminKeyBootstrap>();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        var schemes = builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                auth.Jwt.Enabled && ApiKeyAuthenticationHandler.Presented(context.Request) is null
                    && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (auth.Jwt.Enabled)
            schemes.AddJwtBearer(o =>
            {
                o.Authority = auth.Jwt.Authority;
                o.Audience = auth.Jwt.Audience;
                o.RequireHttpsMetadata = auth.Jwt.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.BackchannelTimeout = TimeSpan.FromSeconds(10);
                o.TokenValidationParameters.NameClaimType = auth.Jwt.NameClaim;
                o.TokenValidationParameters.RoleClaimType = auth.Jwt.RoleClaim;
            });

        var authorization = builder.Services.AddAuthorizationBuilder()
            // An endpoint that declares no role still needs a caller; a test checks that every endpoint declares one.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var role in Roles.All)
            authorization.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(Roles.AtLeast(role)));

        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null
                    ? RateLimitPartition.GetNoLimiter("open")
                    : RateLimitPartition.GetTokenBucketLimiter(Caller(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = auth.RateLimit.Burst,
                        TokensPerPeriod = auth.RateLimit.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    }));
            o.OnRejected = async (rejected, _) =>
            {
                var after = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Api.Problems.TooManyRequests(
                    $"more than {auth.RateLimit.PermitsPerSecond} requests a second (burst {auth.RateLimit.Burst}) from this caller; retry in {seconds} s.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>Order matters: who is calling, then how often, then may they, then how much may they send.</summary>
    public static WebApplication UseControlPlaneSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseBoundedBodies();
        app.UseRequestedBy();
        return app;
    }

    /// <summary>How decision logs and commits name the caller: <c>key/NAME</c> for an API key, <c>oidc/SUBJECT</c> for a token.</summary>
    public static string Principal(HttpContext context) => Requester.Normalize(RequestedBy.CallerName(context));

    private static string Caller(HttpContext context) => context.User.Identity is { IsAuthenticated: true }
        ? "principal:" + Principal(context)
        : "address:" + context.Connection.RemoteIpAddress;
}
