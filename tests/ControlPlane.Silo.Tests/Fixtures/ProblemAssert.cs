using System.Net;
using System.Text.Json.Nodes;

namespace ControlPlane.Silo.Tests.Fixtures;

/// <summary>Checks RFC 7807 refusals: status, <c>application/problem+json</c>, and a <c>detail</c> that names the problem.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts the response is a problem with <paramref name="status"/> whose detail contains every fragment; returns the body.</summary>
    public static async Task<JsonObject> IsProblem(HttpResponseMessage response, HttpStatusCode status, params string[] detailContains)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int?)problem["status"]);
        var detail = (string?)problem["detail"];
        Assert.False(string.IsNullOrWhiteSpace(detail), $"the problem has no detail: {text}");
        foreach (var fragment in detailContains)
            Assert.True(detail.Contains(fragment, StringComparison.Ordinal), $"detail does not mention '{fragment}': {detail}");
        return problem;
    }
}
