using Microsoft.AspNetCore.Diagnostics;

namespace ControlPlane.Silo.Api;

/// <summary>
/// A grain call that still failed because its silo left or died (after the retries that apply) is the cluster's
/// passing state, not a fault: 503 with Retry-After, never a bare 500.
/// </summary>
public sealed class SiloUnavailableExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!TransientGrainCalls.IsTransient(exception) || httpContext.Response.HasStarted) return false;
        httpContext.Response.Headers.RetryAfter = "2";
        await Problems.Unavailable("a silo of the cluster is leaving or failed; retry in a few seconds.").ExecuteAsync(httpContext);
        return true;
    }
}
