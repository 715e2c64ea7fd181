using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>Create, update, read and list budgets.</summary>
public static class BudgetsApi
{
    public static IEndpointRouteBuilder MapBudgetsApi(this IEndpointRouteBuilder app)
    {
        var budgets = app.MapGroup("/api/v1/budgets").WithTags("Budgets");
        budgets.MapPut("/{name}", Put).Accepts<BudgetSpec>("application/json").RequireRole(Roles.Admin).WithBodyLimit(BodyLimit.Spec);
        budgets.MapGet("/", List).RequireRole(Roles.Viewer);
        budgets.MapGet("/{name}", Get).RequireRole(Roles.Viewer);
        return app;
    }

    private static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> Put(string name, HttpRequest request, IGrainFactory grains)
    {
        if (Dns1123.CheckLabel("budget", name) is { } nameError) return Problems.BadRequest(nameError);
        var (spec, problem) = await JsonBody.ReadAsync<BudgetSpec>(request);
        if (problem is not null) return problem;
        if (BudgetSpecRules.Validate(spec!) is { Count: > 0 } errors) return Problems.Invalid(errors);
        return TypedResults.Ok(await grains.GetGrain<IBudgetGrain>(name).Put(spec!));
    }

    /// <summary>Every budget in the catalog, read live from its grain, in name order.</summary>
    private static async Task<Ok<IReadOnlyList<BudgetSummary>>> List(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IResourceCatalogGrain>(IResourceCatalogGrain.Budgets).Names();
        var views = await Task.WhenAll(names.Select(name => grains.GetGrain<IBudgetGrain>(name).Get()));
        return TypedResults.Ok<IReadOnlyList<BudgetSummary>>(views.OfType<BudgetView>().Select(BudgetSummary.Of).ToList());
    }

    private static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> Get(string name, IGrainFactory grains)
    {
        if (Dns1123.CheckLabel("budget", name) is { } nameError) return Problems.BadRequest(nameError);
        return await grains.GetGrain<IBudgetGrain>(name).Get() is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"budget '{name}' is not registered.");
    }
}
