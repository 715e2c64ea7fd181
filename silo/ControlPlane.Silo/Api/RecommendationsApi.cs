using System.Text.RegularExpressions;
using ControlPlane.Core.FinOps;
using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>
/// Cost recommendations: all models' (largest saving first), one model's, and applying one. Apply takes an optional
/// body <c>{"model": "namespace/name"}</c>; without it the recommendation is looked for among every model's current ones.
/// </summary>
public static partial class RecommendationsApi
{
    [GeneratedRegex("^rec-[0-9a-f]{16}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RecommendationId();

    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/recommendations", List).WithTags("Recommendations").RequireRole(Roles.Viewer);
        app.MapGet("/api/v1/models/{namespace}/{name}/recommendations", ForModel).WithTags("Recommendations").RequireRole(Roles.Viewer);
        app.MapPost("/api/v1/recommendations/{id}/apply", Apply).WithTags("Recommendations")
            .Accepts<RecommendationTarget>("application/json").RequireRole(Roles.Operator).WithBodyLimit(BodyLimit.Small);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<Recommendation>>> List(IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<Recommendation>>((await All(grains))
            .OrderByDescending(r => r.MonthlySaving).ThenBy(r => r.Id, StringComparer.Ordinal).ToList());

    private static async Task<Results<Ok<IReadOnlyList<Recommendation>>, ProblemHttpResult>> ForModel(string @namespace, string name, IGrainFactory grains)
    {
        if (!ModelId.TryCreate(@namespace, name, out var id, out var nameError)) return Problems.BadRequest(nameError!);
        var model = grains.GetGrain<IModelGrain>(id.ToString());
        if (await model.Get() is null) return Problems.NotFound($"model '{id}' is not registered.");
        return TypedResults.Ok(await model.Recommendations());
    }

    private static async Task<Results<Ok<AppliedRecommendation>, ProblemHttpResult>> Apply(string id, HttpRequest request, IGrainFactory grains)
    {
        if (!RecommendationId().IsMatch(id)) return Problems.BadRequest($"'{Dns1123.Printable(id)}' is not a recommendation id (rec- and 16 hex digits).");
        string? modelId = null;
        if (request.ContentLength is > 0 || request.HasJsonContentType())
        {
            var (target, problem) = await JsonBody.ReadAsync<RecommendationTarget>(request);
            if (problem is not null) return problem;
            if (target!.Model is { } named)
            {
                if (!ModelId.TryParse(named, out var parsed, out var error)) return Problems.BadRequest(error!);
                modelId = parsed.ToString();
            }
        }
        modelId ??= (await All(grains)).FirstOrDefault(r => r.Id == id)?.ModelId;
        if (modelId is null) return Problems.NotFound($"recommendation '{id}' is not current for any model.");

        var result = await grains.GetGrain<IModelGrain>(modelId).ApplyRecommendation(id);
        return result.Error is { } refused
            ? Problems.From(refused)
            : TypedResults.Ok(new AppliedRecommendation(result.Recommendation!, result.Model!, result.Decision!));
    }

    /// <summary>Every registered model's current recommendations, asked of the model grains in parallel.</summary>
    private static async Task<IEnumerable<Recommendation>> All(IGrainFactory grains)
    {
        var models = await grains.GetGrain<IModelCatalogGrain>(IModelCatalogGrain.Key).List();
        var each = await Task.WhenAll(models.Select(m => grains.GetGrain<IModelGrain>(m.Id).Recommendations()));
        return each.SelectMany(r => r);
    }
}

/// <summary>The optional body of an apply: which model the recommendation belongs to.</summary>
public sealed record RecommendationTarget(string? Model = null);

/// <summary>What applying a recommendation did: the advice, the model after it, and the decision (its commit follows).</summary>
public sealed record AppliedRecommendation(Recommendation Recommendation, ModelView Model, ControlPlane.Core.Decisions.Decision Decision);
