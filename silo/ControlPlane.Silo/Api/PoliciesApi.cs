using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>The policies the gate enforces, as they stand on the branch; broken ones are listed with their error.</summary>
public static class PoliciesApi
{
    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/policies", async (IGrainFactory grains, IOptions<GitOpsOptions> git) =>
            TypedResults.Ok(await grains.GetGrain<IGitOpsWriterGrain>(git.Value.WriterKey).Policies()))
            .WithTags("Policies").RequireRole(Roles.Viewer);
        return app;
    }
}
