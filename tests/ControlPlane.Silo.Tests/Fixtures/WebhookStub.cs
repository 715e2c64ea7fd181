using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>
/// A STUB webhook receiver: Kestrel on a loopback port of its own, recording each POST's signature header and body, and
/// answering 500 to the first <see cref="FailFirst"/> calls, 200 after.
/// </summary>
public sealed class WebhookStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private WebhookStub(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public int FailFirst { get; init; }

    public ConcurrentQueue<(int Status, string? Signature, byte[] Body)> Calls { get; } = new();

    public static async Task<WebhookStub> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new WebhookStub(app) { FailFirst = failFirst };
        app.MapPost("/finops/hook", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var status = Interlocked.Increment(ref stub._calls) <= stub.FailFirst ? 500 : 200;
            stub.Calls.Enqueue((status, context.Request.Headers["X-ControlPlane-Signature"].FirstOrDefault(), body.ToArray()));
            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.Url = $"{address}/finops/hook";
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
