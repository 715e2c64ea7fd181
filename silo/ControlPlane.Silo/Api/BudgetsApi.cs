using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>Create, update and read budgets.</summary>
public static class BudgetsApi
{
    public static IEndpointRouteBuilder MapBudgetsApi(this IEndpointRouteBuilder app)
    {
        var budgets = app.MapGroup("/api/v1/budgets").WithTags("Budgets");
        budgets.MapPut("/{name}", Put).Accepts<BudgetSpec>("application/json").RequireRole(Roles.Admin).WithBodyLimit(BodyLimit.Spec);
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

    private static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> Get(string name, IGrainFactory grains)
    {
        if (Dns1123.CheckLabel("budget", name) is { } nameError) return Problems.BadRequest(nameError);
        return await grains.GetGrain<IBudgetGrain>(name).Get() is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"budget '{name}' is not registered.");
    }
}
