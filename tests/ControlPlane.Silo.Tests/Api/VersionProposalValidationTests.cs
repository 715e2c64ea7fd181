using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;
using ControlPlane.Silo.Tests.Rollouts;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>A version proposal that cannot be read or breaks a rule is refused with 400 (415 when not JSON) naming the problem, and no rollout starts.</summary>
[Collection(SharedGateway.Name)]
public sealed class VersionProposalValidationTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    private async Task<HttpResponseMessage> ProposeToNewModelAsync(JsonNode proposal) =>
        await _client.ProposeVersionAsync(await _client.RegisterModelAsync(), proposal);

    [Fact]
    public async Task ProposeVersion_VersionOf63Characters_Returns202()
    {
        var version = "v" + new string('1', 62);

        using var response = await ProposeToNewModelAsync(Bodies.VersionProposal(version));

        var view = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal(version, (string?)view["spec"]!["version"]);
    }

    [Fact]
    public async Task ProposeVersion_AlignmentReportIdMissing_Returns400NamingIt()
    {
        var proposal = Bodies.VersionProposal();
        proposal.Remove("alignmentReportId");

        using var response = await ProposeToNewModelAsync(proposal);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "alignmentReportId");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("AR-2026-0200\n")]
    [InlineData("AR-2026\n0200")]
    [InlineData("AR-2026-0200\t")]
    public async Task ProposeVersion_AlignmentReportIdBlankOrWithAControlCharacter_Returns400NamingIt(string report)
    {
        using var response = await ProposeToNewModelAsync(Bodies.VersionProposal(report: report));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "alignmentReportId");
    }

    [Fact]
    public async Task ProposeVersion_AlignmentReportIdNull_Returns400()
    {
        var proposal = Bodies.VersionProposal();
        proposal["alignmentReportId"] = null;

        using var response = await ProposeToNewModelAsync(proposal);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "invalid JSON");
    }

    [Fact]
    public async Task ProposeVersion_AlignmentReportIdOver128Characters_Returns400SayingTheLimit()
    {
        using var response = await ProposeToNewModelAsync(Bodies.VersionProposal(report: new string('A', 129)));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "alignmentReportId", "it is 129 characters long", "1-128");
    }

    [Fact]
    public async Task ProposeVersion_AlignmentReportIdOf128TokenCharacters_Returns202()
    {
        var report = "urn:ar:2026/0200_x." + new string('9', 109);

        using var response = await ProposeToNewModelAsync(Bodies.VersionProposal("2026-01-17", report));

        var view = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal(report, (string?)view["spec"]!["annotations"]!["ai-alignment-report-id"]);
        Assert.Equal("2026-01-17", (string?)view["spec"]!["version"]);
    }

    public static readonly TheoryData<string, string> NotTokens = new()
    {
        { "AR-1\nkind: Secret", "a line feed (U+000A) at index 4" },
        { "AR 2026", "whitespace (U+0020) at index 2" },
        { "AR-2026\u2028", "a line separator (U+2028) at index 7" },
        { "AR-2026\u009B", "a C1 control character (U+009B) at index 7" },
        { "AR-2026\uFFFF", "a noncharacter (U+FFFF) at index 7" },
        { "AR-2026\u007F", "a delete character (DEL) (U+007F) at index 7" },
        { "AR#2026", "'#' (U+0023) at index 2" },
        { "-AR-2026", "starting with a letter or digit" },
    };

    [Theory]
    [MemberData(nameof(NotTokens))]
    public async Task ProposeVersion_AlignmentReportIdNotAToken_Returns400WithTheRuleAndCommitsNothing(string report, string expected)
    {
        var model = await _client.RegisterModelAsync();
        await _client.CommittedDecisionAsync(model, "register");

        using var response = await _client.ProposeVersionAsync(model, Bodies.VersionProposal(report: report));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "alignmentReportId '", expected,
            "an identifier: 1-128 letters, digits, '.', '_', ':', '/' or '-', starting with a letter or digit");
        var view = await _client.GetJsonAsync(model.Path);
        Assert.Equal("Stable", (string?)view["phase"]);
        Assert.Equal("AR-2026-0117", (string?)view["spec"]!["annotations"]!["ai-alignment-report-id"]);
        Assert.Equal(1, await ModelCommits.CountAsync(_client, host.Factory.RepositoryPath, model.Id)); // the registration only
    }

    public static readonly TheoryData<string> BadVersions = new()
    {
        "1.0+x",
        new string('1', 64),
        "2.0.0\n",
        "",
        "-2.0.0",
        "2.0.0.",
        "2.0 beta",
    };

    [Theory]
    [MemberData(nameof(BadVersions))]
    public async Task ProposeVersion_VersionNotALabelValue_Returns400NamingVersion(string version)
    {
        var proposal = Bodies.VersionProposal();
        proposal["version"] = version;

        using var response = await ProposeToNewModelAsync(proposal);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "version '", "Kubernetes label value");
    }

    [Theory]
    [InlineData("")]
    [InlineData("registry.example.com/Risk/fraud-mm:2.0.0")]
    [InlineData("registry.example.com/risk/fraud mm:2.0.0")]
    [InlineData("registry.example.com/risk/fraud-mm:2.0.0\n")]
    [InlineData("registry.example.com/risk/fraud-mm@sha256:abc")]
    public async Task ProposeVersion_ImageNotAReference_Returns400NamingImage(string image)
    {
        var proposal = Bodies.VersionProposal();
        proposal["image"] = image;

        using var response = await ProposeToNewModelAsync(proposal);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "image '", "not a valid image reference");
    }

    public static readonly TheoryData<string, string> BadReferences = new()
    {
        { """{"amount": {"values": []}}""", "reference['amount'].values is empty" },
        { """{"amount": {"values": [1.5], "counts": {"de": 3}}}""", "reference['amount'] has both values and counts" },
        { """{"amount": {}}""", "reference['amount'] needs either values or counts" },
        { """{"amount": null}""", "reference['amount'] is null" },
        { """{"country": {"counts": {}}}""", "reference['country'].counts is empty" },
        { """{"country": {"counts": {"de": 5, "fr": -1}}}""", "reference['country'].counts['fr'] is negative" },
        { """{"country": {"counts": {"de": 0, "fr": 0}}}""", "reference['country'].counts are all zero" },
        { """{"country": {"counts": {"": 3}}}""", "category name that is empty" },
        { """{"": {"values": [1.5]}}""", "reference feature" },
        { """{"amo\nunt": {"values": [1.5]}}""", "reference feature" },
    };

    [Theory]
    [MemberData(nameof(BadReferences))]
    public async Task ProposeVersion_BadReferenceDistribution_Returns400NamingTheProblem(string reference, string problem)
    {
        using var response = await ProposeToNewModelAsync(Bodies.VersionProposal(reference: JsonNode.Parse(reference)!.AsObject()));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, problem);
    }

    [Fact]
    public async Task ProposeVersion_ReferenceValueBeyondDoubleRange_Returns400NamingTheValue()
    {
        var model = await _client.RegisterModelAsync();
        var body = Bodies.VersionProposal().ToJsonString().TrimEnd('}') + """, "reference": {"amount": {"values": [1.5, 1e400]}}}""";

        using var response = await _client.PostAsync(Gateway.Url($"{model.Path}/versions"), Gateway.Json(body));

        // 1e400 reads as infinity, which the reference rules refuse by position.
        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "reference['amount'].values[1] is not a finite number");
    }

    [Fact]
    public async Task ProposeVersion_MoreThan100ReferenceFeatures_Returns400SayingTheLimit()
    {
        var reference = new JsonObject();
        for (var i = 0; i <= 100; i++) reference[$"f{i}"] = new JsonObject { ["values"] = new JsonArray(1.0) };

        using var response = await ProposeToNewModelAsync(Bodies.VersionProposal(reference: reference));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "at most 100 features");
    }

    [Fact]
    public async Task ProposeVersion_Exactly100ReferenceFeatures_Returns202()
    {
        var reference = new JsonObject();
        for (var i = 0; i < 100; i++) reference[$"f{i}"] = new JsonObject { ["values"] = new JsonArray(1.0) };

        using var response = await ProposeToNewModelAsync(Bodies.VersionProposal(reference: reference));

        var view = await Gateway.OkJson(response, HttpStatusCode.Accepted);
        Assert.Equal(100, view["referenceFeatures"]!.AsArray().Count);
    }

    [Fact]
    public async Task ProposeVersion_UnknownField_Returns400NamingIt()
    {
        var proposal = Bodies.VersionProposal();
        proposal["canaryPercent"] = 10;

        using var response = await ProposeToNewModelAsync(proposal);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "canaryPercent");
    }

    [Fact]
    public async Task ProposeVersion_UnknownFieldInReference_Returns400NamingIt()
    {
        var reference = new JsonObject { ["amount"] = new JsonObject { ["values"] = new JsonArray(1.0), ["bins"] = 10 } };

        using var response = await ProposeToNewModelAsync(Bodies.VersionProposal(reference: reference));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "bins");
    }

    [Fact]
    public async Task ProposeVersion_Refused_LeavesTheModelStableOnItsVersion()
    {
        var model = await _client.RegisterModelAsync();
        using (await _client.ProposeVersionAsync(model, Bodies.VersionProposal(report: ""))) { }

        var view = await _client.GetJsonAsync(model.Path);

        Assert.Equal("Stable", (string?)view["phase"]);
        Assert.Equal("1.4.2", (string?)view["spec"]!["version"]);
        Assert.Null(view["rollout"]);
    }

    [Fact]
    public async Task ProposeVersion_TextPlainContentType_Returns415SayingJsonIsRequired()
    {
        var model = await _client.RegisterModelAsync();

        using var response = await _client.PostAsync(Gateway.Url($"{model.Path}/versions"), Gateway.Json(Bodies.VersionProposal().ToJsonString(), "text/plain"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
    }
}
