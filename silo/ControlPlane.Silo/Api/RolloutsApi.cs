using ControlPlane.Silo.Security;
using ControlPlane.Core.Rollout;

namespace ControlPlane.Silo.Api;

/// <summary>Roll out a new version of a model, and roll back.</summary>
public static class RolloutsApi
{
    public static IEndpointRouteBuilder MapRolloutsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/v1/models").WithTags("Rollouts");
        models.MapPost("/{namespace}/{name}/versions", ProposeVersion).Accepts<VersionProposal>("application/json").RequireRole(Roles.Operator).WithBodyLimit(BodyLimit.Spec);
        models.MapPost("/{namespace}/{name}/rollback", Rollback).Accepts<RollbackRequest>("application/json").RequireRole(Roles.Operator).WithBodyLimit(BodyLimit.Spec);
        return app;
    }

    private static async Task<Results<Accepted<ModelView>, ProblemHttpResult>> ProposeVersion(
        string @namespace, string name, HttpRequest request, IGrainFactory grains)
    {
        if (!ModelId.TryCreate(@namespace, name, out var id, out var nameError)) return Problems.BadRequest(nameError!);
        var (proposal, problem) = await JsonBody.ReadAsync<VersionProposal>(request);
        if (problem is not null) return problem;
        if (VersionProposalRules.Validate(proposal!) is { Count: > 0 } errors) return Problems.Invalid(errors);
        var result = await grains.GetGrain<IModelGrain>(id.ToString()).ProposeVersion(proposal!);
        return result.Error is { } error ? Problems.From(error) : TypedResults.Accepted($"/api/v1/models/{id}", result.Model!);
    }

    private static async Task<Results<Ok<ModelView>, ProblemHttpResult>> Rollback(
        string @namespace, string name, HttpRequest request, IGrainFactory grains)
    {
        if (!ModelId.TryCreate(@namespace, name, out var id, out var nameError)) return Problems.BadRequest(nameError!);
        var (rollback, problem) = await JsonBody.ReadAsync<RollbackRequest>(request);
        if (problem is not null) return problem;
        if (RollbackRequestRules.Validate(rollback!) is { Count: > 0 } errors) return Problems.Invalid(errors);
        var result = await grains.GetGrain<IModelGrain>(id.ToString()).Rollback(rollback!);
        return result.Error is { } error ? Problems.From(error) : TypedResults.Ok(result.Model!);
    }
}
