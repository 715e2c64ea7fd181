using System.Net;
using System.Text;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>Rate limits per caller, body limits per endpoint, protected metrics and the keys file, on a plane with tight limits.</summary>
public sealed class GatewayLimitTests(RestrictedPlane plane) : IClassFixture<RestrictedPlane>
{
    [Fact]
    public async Task Requests_BeyondTheBurst_Get429WithRetryAfter()
    {
        using var client = plane.ClientWith(RestrictedPlane.LimitedKey);
        var statuses = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < RestrictedPlane.Burst + 3; i++) statuses.Add(await client.GetAsync("/api/v1/decisions"));

            var limited = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
            await ProblemAssert.IsProblem(limited, HttpStatusCode.TooManyRequests, "retry in");
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
        }
        finally
        {
            foreach (var response in statuses) response.Dispose();
        }
    }

    [Fact]
    public async Task Requests_OneCallerLimited_OtherCallersAndProbesStillServed()
    {
        using var noisy = plane.ClientWith(RestrictedPlane.NoisyKey);
        for (var i = 0; i < RestrictedPlane.Burst + 2; i++) (await noisy.GetAsync("/api/v1/gitops")).Dispose();

        using var other = plane.ClientWith(RestrictedPlane.FileKey);
        Assert.Equal(HttpStatusCode.OK, await other.StatusAsync("/api/v1/gitops"));
        for (var i = 0; i < RestrictedPlane.Burst + 2; i++) Assert.Equal(HttpStatusCode.OK, await noisy.StatusAsync("/healthz"));
    }

    [Fact]
    public async Task PutModel_BodyOverTheLimit_Returns413()
    {
        using var client = plane.Factory.CreateClient(Roles.Admin);
        var body = "{\"image\":\"" + new string('a', (int)BodyLimit.Spec) + "\"}";

        using var response = await client.PutAsync(Gateway.Url("/api/v1/models/ns/too-big"), Gateway.Json(body));

        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge, $"{BodyLimit.Spec} bytes");
    }

    [Fact]
    public async Task PostSignals_ChunkedBodyOverTheLimit_Returns413()
    {
        using var client = plane.Factory.CreateClient(Roles.Operator);
        // No Content-Length: the limit must hold while the body is read, not only when it is declared.
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{}", 2000)) + "]")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Gateway.Url("/api/v1/signals/gpu")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge, $"{RestrictedPlane.MaxBatchBytes} bytes");
    }

    [Fact]
    public async Task Metrics_Protected_NeedAViewer()
    {
        using var anonymous = plane.Factory.CreateClient(null);
        using var viewer = plane.ClientWith(RestrictedPlane.FileKey);

        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.StatusAsync("/metrics"));
        Assert.Equal(HttpStatusCode.OK, await viewer.StatusAsync("/metrics"));
    }

    [Fact]
    public async Task KeysFile_Key_AuthenticatesWithItsRole()
    {
        using var client = plane.ClientWith(RestrictedPlane.FileKey);

        using var put = await client.PutAsync(Gateway.Url("/api/v1/budgets/from-file"), Gateway.Json("{\"limit\":1}"));

        await ProblemAssert.IsProblem(put, HttpStatusCode.Forbidden, "'admin'", "'viewer'");
    }
}
