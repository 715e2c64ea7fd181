using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>Create, update, read and list clusters and their GPU pools.</summary>
public static class ClustersApi
{
    public static IEndpointRouteBuilder MapClustersApi(this IEndpointRouteBuilder app)
    {
        var clusters = app.MapGroup("/api/v1/clusters").WithTags("Clusters");
        clusters.MapPut("/{name}", Put).Accepts<ClusterSpec>("application/json").RequireRole(Roles.Admin).WithBodyLimit(BodyLimit.Spec);
        clusters.MapGet("/", List).RequireRole(Roles.Viewer);
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

    /// <summary>Every cluster in the catalog, read live from its grain, in name order.</summary>
    private static async Task<Ok<IReadOnlyList<ClusterSummary>>> List(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IResourceCatalogGrain>(IResourceCatalogGrain.Clusters).Names();
        var views = await Task.WhenAll(names.Select(name => grains.GetGrain<IClusterGrain>(name).Get()));
        return TypedResults.Ok<IReadOnlyList<ClusterSummary>>(views.OfType<ClusterView>().Select(ClusterSummary.Of).ToList());
    }

    private static async Task<Results<Ok<ClusterView>, ProblemHttpResult>> Get(string name, IGrainFactory grains)
    {
        if (Dns1123.CheckLabel("cluster", name) is { } nameError) return Problems.BadRequest(nameError);
        return await grains.GetGrain<IClusterGrain>(name).Get() is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"cluster '{name}' is not registered.");
    }
}
