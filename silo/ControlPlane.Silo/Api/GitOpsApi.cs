using ControlPlane.Silo.Security;
using ControlPlane.Core.GitOps;

namespace ControlPlane.Silo.Api;

/// <summary>The repository the plane writes to: head commit and pending changes.</summary>
public static class GitOpsApi
{
    public static IEndpointRouteBuilder MapGitOpsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/gitops", async (IGrainFactory grains, IOptions<GitOpsOptions> git) =>
            TypedResults.Ok<GitOpsStatus>(await grains.GetGrain<IGitOpsWriterGrain>(git.Value.WriterKey).Status()))
            .WithTags("GitOps").RequireRole(Roles.Viewer);
        return app;
    }
}
