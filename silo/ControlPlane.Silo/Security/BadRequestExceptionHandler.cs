using Microsoft.AspNetCore.Diagnostics;

namespace ControlPlane.Silo.Security;

/// <summary>A body the server refused while it was read (too large, cut off) is the caller's mistake: problem details with its status, never a 500.</summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted) return false;
        var detail = bad.Message.ReplaceLineEndings(" ");
        var problem = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? Api.Problems.TooLarge(detail) : Api.Problems.BadRequest(detail);
        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
