using ControlPlane.Silo.Security;

namespace ControlPlane.Silo.Api;

/// <summary>Create, list and revoke API keys at run time (admin). A new key is shown once, in the answer that creates it.</summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/keys").WithTags("Keys");
        keys.MapGet("/", List).RequireRole(Roles.Admin);
        keys.MapPost("/", Create).Accepts<NewApiKey>("application/json").RequireRole(Roles.Admin).WithBodyLimit(BodyLimit.Small);
        keys.MapDelete("/{name}", Revoke).RequireRole(Roles.Admin);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> List(ApiKeyDirectory directory) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyView>>((await directory.AllAsync())
            .Select(k => new ApiKeyView(k.Name, k.Role, k.Source, k.CreatedAt, k.CreatedBy)).ToList());

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> Create(
        HttpRequest request, ApiKeyDirectory directory, IGrainFactory grains, TimeProvider time)
    {
        var (wanted, problem) = await JsonBody.ReadAsync<NewApiKey>(request);
        if (problem is not null) return problem;
        if (Dns1123.CheckLabel("key", wanted!.Name) is { } nameError) return Problems.BadRequest(nameError);
        if (!Roles.IsKnown(wanted.Role)) return Problems.BadRequest($"role must be one of {string.Join(", ", Roles.All)}.");
        if ((await directory.AllAsync()).Any(k => k.Name == wanted.Name))
            return Problems.Conflict($"a key named '{wanted.Name}' exists; revoke it first or choose another name.");

        var key = ApiKeyHash.Generate();
        var record = new ApiKeyRecord(wanted.Name, wanted.Role, ApiKeyHash.Sha256Hex(key), time.GetUtcNow(), SecurityHost.Principal(request.HttpContext));
        if (!await grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key).Add(record))
            return Problems.Conflict($"a key named '{wanted.Name}' exists, or the registry is full.");
        directory.Invalidate();
        return TypedResults.Created($"/api/v1/keys/{wanted.Name}", new CreatedApiKey(record.Name, record.Role, key, record.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(string name, ApiKeyDirectory directory, IGrainFactory grains)
    {
        if (Dns1123.CheckLabel("key", name) is { } nameError) return Problems.BadRequest(nameError);
        if (directory.ConfiguredKeys.Any(k => k.Name == name))
            return Problems.Conflict($"key '{name}' comes from settings or the keys file; remove it there.");
        if (!await grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key).Remove(name))
            return Problems.NotFound($"no key named '{name}'.");
        directory.Invalidate();
        return TypedResults.NoContent();
    }
}

/// <summary>A key to create: its name (a DNS-1123 label) and role.</summary>
public sealed record NewApiKey(string Name, string Role);

/// <summary>A key as listed: never its value or hash.</summary>
public sealed record ApiKeyView(string Name, string Role, string Source, DateTimeOffset? CreatedAt, string? CreatedBy);

/// <summary>The answer to creating a key: the only time the key is shown.</summary>
public sealed record CreatedApiKey(string Name, string Role, string Key, DateTimeOffset CreatedAt);
