using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Silo.Tests.Fixtures;

namespace ControlPlane.Silo.Tests.Api;

/// <summary>A model spec that cannot be read or breaks a rule is refused with 400 naming the field, and nothing is registered.</summary>
[Collection(SharedGateway.Name)]
public sealed class ModelSpecValidationTests(GatewayHost host)
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task PutModel_MalformedJson_Returns400()
    {
        var (path, _) = await _client.NewModelRequestAsync();

        using var response = await _client.PutAsync(Gateway.Url(path), Gateway.Json("{\"image\": \"x\", "));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "invalid JSON");
    }

    [Fact]
    public async Task PutModel_JsonNull_Returns400()
    {
        var (path, _) = await _client.NewModelRequestAsync();

        using var response = await _client.PutAsync(Gateway.Url(path), Gateway.Json("null"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task PutModel_UnknownField_Returns400NamingIt()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["gpuCount"] = 2;

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "gpuCount");
    }

    [Fact]
    public async Task PutModel_UnknownNestedField_Returns400NamingIt()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["replicas"]!["desired"] = 3;

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "desired");
    }

    [Theory]
    [InlineData("image")]
    [InlineData("cluster")]
    [InlineData("replicas")]
    [InlineData("targetGpuUtilization")]
    public async Task PutModel_MissingRequiredField_Returns400NamingIt(string field)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec.Remove(field);

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal("InvalidRequest", (string?)problem["reason"]); // refused while reading the body, not by a grain
    }

    [Fact]
    public async Task PutModel_NumberAsString_Returns400NamingIt()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["gpusPerReplica"] = "1";

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "gpusPerReplica");
    }

    [Theory]
    [InlineData("gpusPerReplica", "0", "gpusPerReplica")]
    [InlineData("gpusPerReplica", "17", "gpusPerReplica")]
    [InlineData("targetGpuUtilization", "150", "targetGpuUtilization")]
    [InlineData("targetGpuUtilization", "0", "targetGpuUtilization")]
    [InlineData("replicas", """{"min": 5, "max": 2}""", "replicas.min must not exceed replicas.max")]
    [InlineData("replicas", """{"min": 0, "max": 2}""", "replicas.min")]
    [InlineData("workloadClass", "\"realtime\"", "workloadClass")]
    [InlineData("image", "\"Not An Image\"", "image")]
    [InlineData("annotations", "{}", "ai-alignment-report-id")]
    [InlineData("capacityType", "\"preemptible\"", "capacityType")]
    [InlineData("scaling", """{"mode": "psychic"}""", "scaling.mode")]
    [InlineData("scaling", """{"mode": "predictive"}""", "requestsPerSecondPerReplica")]
    public async Task PutModel_FieldOutOfRange_Returns400NamingIt(string field, string json, string detail)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec[field] = JsonNode.Parse(json);

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, detail);
        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
    }

    [Theory]
    [InlineData("cluster")]
    [InlineData("budget")]
    [InlineData("gpuType")]
    [InlineData("version")]
    [InlineData("image")]
    public async Task PutModel_FieldEndingInNewline_Returns400NamingIt(string field)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec[field] = (string)spec[field]! + "\n";

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal("InvalidRequest", (string?)problem["reason"]); // refused by validation, not by a grain
    }

    [Fact]
    public async Task PutModel_SeveralBadFields_ListsEveryError()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["gpusPerReplica"] = 0;
        spec["targetGpuUtilization"] = 150;

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "gpusPerReplica", "targetGpuUtilization");
        Assert.Equal(2, problem["errors"]!.AsArray().Count);
    }

    private const string ReportRule = "an identifier: 1-128 letters, digits, '.', '_', ':', '/' or '-', starting with a letter or digit";

    public static readonly TheoryData<string, string> BadAlignmentReports = new()
    {
        { "AR-1\nkind: Secret", "a line feed (U+000A) at index 4" },
        { "AR 2026", "whitespace (U+0020) at index 2" },
        { "AR-2026\t", "a tab (U+0009) at index 7" },
        { "AR-2026\u0085", "a next-line character (NEL) (U+0085) at index 7" },
        { "AR-2026\u007F", "a delete character (DEL) (U+007F) at index 7" },
        { "AR-2026\uFFFE", "a noncharacter (U+FFFE) at index 7" },
        { "#AR-2026", "'#' (U+0023) at index 0" },
        { "-AR-2026", ReportRule },
        { new string('A', 129), "it is 129 characters long" },
    };

    [Theory]
    [MemberData(nameof(BadAlignmentReports))]
    public async Task PutModel_AlignmentReportNotAToken_Returns400WithTheRuleAndCommitsNothing(string report, string expected)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["annotations"]!["ai-alignment-report-id"] = report;

        using var response = await _client.PutAsync(path, spec);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "annotations['ai-alignment-report-id'] '", expected, ReportRule);
        Assert.Equal("InvalidRequest", (string?)problem["reason"]);
        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
        Assert.Equal(0, await ModelCommits.CountAsync(_client, host.Factory.RepositoryPath, path["/api/v1/models/".Length..]));
    }

    [Theory]
    [InlineData("a\r\nb", "a carriage return (U+000D) at index 1")]
    [InlineData("a\u2028b", "a line separator (U+2028) at index 1")]
    [InlineData("\u001B[31mred", "a control character (U+001B) at index 0")]
    [InlineData("x\u0090", "a C1 control character (U+0090) at index 1")]
    [InlineData("x\uFFFF", "a noncharacter (U+FFFF) at index 1")]
    public async Task PutModel_AnnotationValueNotPrintable_Returns400WithTheRuleAndCommitsNothing(string value, string expected)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["annotations"]!["example.com/note"] = value;

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "annotations['example.com/note'] '", expected, "printable text: line feeds and tabs allowed");
        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
        Assert.Equal(0, await ModelCommits.CountAsync(_client, host.Factory.RepositoryPath, path["/api/v1/models/".Length..]));
    }

    [Fact]
    public async Task PutModel_AnnotationValueWithLineFeedsAndTabs_Returns201KeepingItAsSent()
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec["annotations"]!["example.com/note"] = "line one\n\tline two";

        using var response = await _client.PutAsync(path, spec);

        var view = await Gateway.OkJson(response, HttpStatusCode.Created);
        Assert.Equal("line one\n\tline two", (string?)view["spec"]!["annotations"]!["example.com/note"]);
    }

    [Theory]
    [InlineData("version", "1.4.2\u2028", "a line separator (U+2028) at index 5")]
    [InlineData("version", "1.4.٢", "'٢' (U+0662) at index 4")]
    [InlineData("image", "registry.example.com/risk/fraud-mm:1.4.2é", "'é' (U+00E9) at index 40")]
    [InlineData("image", "registry.example.com/risk/fraud-mm:1.4.2\u0085", "(U+0085) at index 40")]
    public async Task PutModel_VersionOrImageNotAnAsciiToken_Returns400WithTheRuleAndCommitsNothing(string field, string value, string expected)
    {
        var (path, spec) = await _client.NewModelRequestAsync();
        spec[field] = value;

        using var response = await _client.PutAsync(path, spec);

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, $"{field} '", expected);
        Assert.Equal(HttpStatusCode.NotFound, await _client.StatusAsync(path));
        Assert.Equal(0, await ModelCommits.CountAsync(_client, host.Factory.RepositoryPath, path["/api/v1/models/".Length..]));
    }
}
