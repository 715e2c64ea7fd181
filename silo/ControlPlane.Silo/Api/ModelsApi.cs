using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>Register, read and list models, and read a model's decision log.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/v1/models").WithTags("Models");
        models.MapPut("/{namespace}/{name}", Put).Accepts<ModelSpec>("application/json").RequireRole(Roles.Admin).WithBodyLimit(BodyLimit.Spec);
        models.MapGet("/", List).RequireRole(Roles.Viewer);
        models.MapGet("/{namespace}/{name}", Get).RequireRole(Roles.Viewer);
        models.MapGet("/{namespace}/{name}/decisions", Decisions).RequireRole(Roles.Viewer);
        return app;
    }

    private static async Task<Results<Created<ModelView>, Ok<ModelView>, ProblemHttpResult>> Put(
        string @namespace, string name, HttpRequest request, IGrainFactory grains)
    {
        if (!ModelId.TryCreate(@namespace, name, out var id, out var nameError)) return Problems.BadRequest(nameError!);
        var (spec, problem) = await JsonBody.ReadAsync<ModelSpec>(request);
        if (problem is not null) return problem;
        if (ModelSpecRules.Validate(spec!) is { Count: > 0 } errors) return Problems.Invalid(errors);

        var result = await grains.GetGrain<IModelGrain>(id.ToString()).Register(spec!);
        if (result.Error is { } error) return Problems.From(error);
        return result.Created
            ? TypedResults.Created($"/api/v1/models/{id}", result.Model!)
            : TypedResults.Ok(result.Model!);
    }

    private static async Task<Ok<IReadOnlyList<ModelSummary>>> List(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key).List());

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> Get(string @namespace, string name, IGrainFactory grains)
    {
        if (!ModelId.TryCreate(@namespace, name, out var id, out var nameError)) return Problems.BadRequest(nameError!);
        return await grains.GetGrain<IModelGrain>(id.ToString()).Get() is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"model '{id}' is not registered.");
    }

    private static async Task<Results<Ok<IReadOnlyList<ControlPlane.Core.Decisions.Decision>>, ProblemHttpResult>> Decisions(
        string @namespace, string name, string? limit, IGrainFactory grains)
    {
        if (!ModelId.TryCreate(@namespace, name, out var id, out var nameError)) return Problems.BadRequest(nameError!);
        var (count, bad) = Limits.Parse(limit);
        if (bad is not null) return bad;
        var model = grains.GetGrain<IModelGrain>(id.ToString());
        if (await model.Get() is null) return Problems.NotFound($"model '{id}' is not registered.");
        return TypedResults.Ok(await model.Decisions(count));
    }
}
