using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>Create, update and read clusters and their GPU pools.</summary>
public static class ClustersApi
{
    public static IEndpointRouteBuilder MapClustersApi(this IEndpointRouteBuilder app)
    {
        var clusters = app.MapGroup("/api/v1/clusters").WithTags("Clusters");
        clusters.MapPut("/{name}", Put).Accepts<ClusterSpec>("application/json").RequireRole(Roles.Admin).WithBodyLimit(BodyLimit.Spec);
        clusters.MapGet("/{name}", Get).RequireRole(Roles.Viewer);
        return app;
    }

    private static async Task<Results<Ok<ClusterView>, ProblemHttpResult>> Put(string name, HttpRequest request, IGrainFactory grains)
    {
        if (Dns1123.CheckLabel("cluster", name) is { } nameError) return Problems.BadRequest(nameError);
        var (spec, problem) = await JsonBody.ReadAsync<ClusterSpec>(request);
        if (problem is not null) return problem;
        if (ClusterSpecRules.Validate(spec!) is { Count: > 0 } errors) return Problems.Invalid(errors);
        return TypedResults.Ok(await grains.GetGrain<IClusterGrain>(name).Put(spec!));
    }

    private static async Task<Results<Ok<ClusterView>, ProblemHttpResult>> Get(string name, IGrainFactory grains)
    {
        if (Dns1123.CheckLabel("cluster", name) is { } nameError) return Problems.BadRequest(nameError);
        return await grains.GetGrain<IClusterGrain>(name).Get() is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"cluster '{name}' is not registered.");
    }
}
