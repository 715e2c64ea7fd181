using ControlPlane.Silo.Hosting;
using ControlPlane.Silo.Security;
using Prometheus;

namespace ControlPlane.Silo.Api;

/// <summary>Liveness, readiness, Prometheus metrics and the OpenAPI document.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("Health").AllowAnonymous();
        app.MapGet("/readyz", Results<Ok<string>, ProblemHttpResult> (Readiness readiness) => readiness.IsReady
            ? TypedResults.Ok("ready")
            : Problems.Unavailable("the silo or the Git repository is still starting.")).WithTags("Health").AllowAnonymous();
        var metrics = app.MapMetrics("/metrics");
        if (app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.ProtectMetrics) metrics.RequireRole(Roles.Viewer);
        else metrics.AllowAnonymous();
        // The contract, not state: tools read it before they hold a key.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
