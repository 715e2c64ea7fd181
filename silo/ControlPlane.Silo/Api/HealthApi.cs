using ControlPlane.Silo.Hosting;
using Prometheus;

namespace ControlPlane.Silo.Api;

/// <summary>Liveness, readiness, Prometheus metrics and the OpenAPI document.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("Health");
        app.MapGet("/readyz", Results<Ok<string>, ProblemHttpResult> (Readiness readiness) => readiness.IsReady
            ? TypedResults.Ok("ready")
            : Problems.Unavailable("the silo or the Git repository is still starting.")).WithTags("Health");
        app.MapMetrics("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
