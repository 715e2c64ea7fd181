using System.Reflection;
using ControlPlane.Silo.Security;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace ControlPlane.Silo.Ui;

/// <summary>
/// The web dashboard: static files embedded in the silo, open to anyone because they hold no data
/// (every number on the page comes from the REST API with the caller's key), and its configuration.
/// </summary>
public static class UiApi
{
    /// <summary>How often the page reads the API again; the README documents it.</summary>
    public const int PollIntervalMs = 2000;

    // Everything the page loads is its own: no CDN, fonts or inline script can slip in.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly EmbeddedFileProvider Assets = new(typeof(UiApi).Assembly, typeof(UiApi).Namespace + ".Assets");
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapUiApi(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").WithTags("Dashboard").ExcludeFromDescription();
        ui.MapGet("/{**path}", Asset).AllowAnonymous();
        ui.MapGet("/config.json", (IOptions<UiOptions> options) =>
            TypedResults.Ok(new UiConfig(options.Value.CommitUrlTemplate, PollIntervalMs))).RequireRole(Roles.Viewer);
        return app;
    }

    private static Results<FileStreamHttpResult, RedirectHttpResult, ProblemHttpResult> Asset(string? path, HttpContext context)
    {
        // The page loads its modules by relative paths, which resolve under /ui/ only.
        if (string.IsNullOrEmpty(path) && !context.Request.Path.Value!.EndsWith('/')) return TypedResults.Redirect("/ui/");
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        // The assets are one flat folder: anything with a separator is not one of them.
        var file = name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) ? null : Assets.GetFileInfo(name);
        if (file is not { Exists: true } || !ContentTypes.TryGetContentType(name, out var contentType))
            return Api.Problems.NotFound($"the dashboard has no file '{name}'.");
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        return TypedResults.Stream(file.CreateReadStream(), contentType, lastModified: file.LastModified);
    }
}
