using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>Recent decisions across the plane, newest first, optionally for one model.</summary>
public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/decisions", Get).WithTags("Decisions").RequireRole(Roles.Viewer);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ControlPlane.Core.Decisions.Decision>>, ProblemHttpResult>> Get(
        string? model, string? limit, IGrainFactory grains)
    {
        var (count, bad) = Limits.Parse(limit);
        if (bad is not null) return bad;
        if (model is null)
            return TypedResults.Ok(await grains.GetGrain<IDecisionFeedGrain>(IDecisionFeedGrain.Key).Recent(count));
        if (!ModelId.TryParse(model, out var id, out var error)) return Problems.BadRequest(error!);
        return TypedResults.Ok(await grains.GetGrain<IModelGrain>(id.ToString()).Decisions(count));
    }
}
