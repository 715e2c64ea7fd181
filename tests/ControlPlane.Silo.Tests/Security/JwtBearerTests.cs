using System.Net;
using ControlPlane.Silo.Security;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Security;

/// <summary>OIDC bearer tokens: the role claim decides what a caller may do, the subject names it, and a bad token is a 401.</summary>
public sealed class JwtBearerTests(JwtPlane plane) : IClassFixture<JwtPlane>
{
    private static string Subject() => Gateway.UniqueName("alice");

    private async Task AssertUnauthorizedAsync(string token)
    {
        using var client = plane.WithToken(token);

        using var response = await client.GetAsync("/api/v1/models");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "authentication required");
    }

    [Fact]
    public async Task Token_OperatorRole_MayPostSignals()
    {
        using var client = plane.WithToken(plane.Issuer.Mint(Subject(), Roles.Operator, JwtPlane.Audience));
        var model = await plane.Client.RegisterModelAsync();

        using var response = await client.PostAsync("/api/v1/signals/gpu", new System.Text.Json.Nodes.JsonArray(Bodies.GpuSample(model.Id, 60)));

        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.BadRequest,
            $"expected 202 or a validation 400, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Token_OperatorRole_PutModelIs403NamingTheAdminRole()
    {
        using var client = plane.WithToken(plane.Issuer.Mint(Subject(), Roles.Operator, JwtPlane.Audience));
        var (path, spec) = await plane.Client.NewModelRequestAsync();

        using var response = await client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "'admin'", "'operator'");
    }

    [Fact]
    public async Task Token_AdminRole_RegistersAModelRequestedByTheSubject()
    {
        var subject = Subject();
        using var client = plane.WithToken(plane.Issuer.Mint(subject, Roles.Admin, JwtPlane.Audience));

        var model = await client.RegisterModelAsync();

        var decision = await client.CommittedDecisionAsync(model, "register");
        Assert.Equal($"oidc/{subject}", (string?)decision["requestedBy"]);
        var trailer = await GitCli.OutputAsync(plane.Factory.RepositoryPath,
            "log", "-1", "--format=%(trailers:key=Requested-By,valueonly)", (string)decision["commitSha"]!);
        Assert.Equal($"oidc/{subject}", trailer.Trim());
    }

    [Theory]
    [InlineData("alice smith", "whitespace (U+0020) at index 10")]
    [InlineData("mallory\nDecision-Id: forged", "a line feed (U+000A) at index 12")]
    [InlineData("eve\u2028", "a line separator (U+2028) at index 8")]
    public async Task Token_SubjectThatCannotBeARequester_Returns400WithTheRuleAndCommitsNothing(string subject, string expected)
    {
        using var client = plane.WithToken(plane.Issuer.Mint(subject, Roles.Admin, JwtPlane.Audience));
        var (path, spec) = await plane.Client.NewModelRequestAsync();

        using var response = await client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest,
            "requester 'oidc/", expected, "1-128 printable characters without whitespace", "the token's 'sub' claim");
        Assert.Equal(HttpStatusCode.NotFound, await plane.Client.StatusAsync(path));
        Assert.Equal(0, await ModelCommits.CountAsync(plane.Client, plane.Factory.RepositoryPath, path["/api/v1/models/".Length..]));
    }

    [Fact]
    public Task Token_Expired_Returns401() =>
        AssertUnauthorizedAsync(plane.Issuer.Mint(Subject(), Roles.Admin, JwtPlane.Audience, issuedAt: DateTimeOffset.UtcNow.AddHours(-2)));

    [Fact]
    public Task Token_WrongAudience_Returns401() =>
        AssertUnauthorizedAsync(plane.Issuer.Mint(Subject(), Roles.Admin, "some-other-api"));

    [Fact]
    public Task Token_SignedByAnUnpublishedKey_Returns401() =>
        AssertUnauthorizedAsync(plane.Issuer.Mint(Subject(), Roles.Admin, JwtPlane.Audience, unpublishedKey: true));

    [Fact]
    public async Task ApiKey_WithAnIssuerConfigured_StillAuthenticatesAndNamesTheKey()
    {
        var model = await plane.Client.RegisterModelAsync();

        var decision = await plane.Client.CommittedDecisionAsync(model, "register");
        Assert.Equal("key/test-admin", (string?)decision["requestedBy"]);
    }
}
